package io.mxcp.mcp.internal.oauth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.mcp.internal.auth.AuthSettings;
import io.mxcp.mcp.internal.oauth.store.OAuthClient;

/**
 * Issuer mode's part of the {@code auth} block (spec 03 reference §1.1–1.2): the callback path of the provider
 * block, the pre-registered clients and where the token store is.
 *
 * @param callbackPath  where the provider sends users back ({@code /github/callback})
 * @param clients       the clients of {@code auth.clients}
 * @param storePath     the token store file ({@code ~} expanded)
 * @param encryptionKey the Fernet key tokens and secrets are stored under, or null (stored in clear)
 */
public record IssuerSettings(String callbackPath, List<OAuthClient> clients, Path storePath, String encryptionKey) {

    static final String DEFAULT_STORE = "~/.mxcp/oauth.db";
    /** Paths the authorization server and the MCP endpoint use; a callback there would shadow them. */
    private static final Set<String> CLIENT_KEYS = Set.of("client_id", "name", "client_secret", "redirect_uris",
            "grant_types", "scopes");
    private static final Set<String> TAKEN = Set.of("/mcp", "/health", "/authorize", "/token", "/register",
            "/revoke");

    public static IssuerSettings parse(AuthSettings auth) throws ServerConfigException {
        String prefix = "auth." + auth.provider();
        Object callback = auth.providerBlock().get("callback_path");
        if (!(callback instanceof String path) || path.isBlank()) {
            throw new ServerConfigException(prefix + ".callback_path is required in issuer mode (where "
                    + auth.provider() + " sends users back, e.g. /" + auth.provider() + "/callback)");
        }
        String callbackPath = path.startsWith("/") ? path : "/" + path;
        if (TAKEN.contains(callbackPath) || callbackPath.startsWith("/.well-known/")) {
            throw new ServerConfigException(prefix + ".callback_path " + callbackPath + " is a path the server uses");
        }
        Map<?, ?> persistence = auth.block().get("persistence") instanceof Map<?, ?> map ? map : Map.of();
        AuthSettings.refuseUnknownKeys(persistence, "auth.persistence", Set.of("type", "path", "auth_encryption_key"));
        Object type = persistence.get("type");
        if (type != null && !"sqlite".equals(type)) {
            throw new ServerConfigException("auth.persistence.type must be sqlite, got '" + type + "'");
        }
        Object file = persistence.get("path") == null ? DEFAULT_STORE : persistence.get("path");
        Object key = persistence.get("auth_encryption_key");
        return new IssuerSettings(callbackPath, clients(auth.block().get("clients")), expandHome(String.valueOf(file)),
                key == null || String.valueOf(key).isBlank() ? null : String.valueOf(key));
    }

    /** {@code ~} is {@code HOME}, as for the user config itself (Java's user.home ignores HOME). */
    private static Path expandHome(String path) {
        return path.startsWith("~") ? Path.of(home() + path.substring(1)) : Path.of(path);
    }

    private static String home() {
        String home = System.getenv("HOME");
        return home == null || home.isEmpty() ? System.getProperty("user.home") : home;
    }

    private static List<OAuthClient> clients(Object raw) throws ServerConfigException {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new ServerConfigException("auth.clients must be a list of clients");
        }
        List<OAuthClient> clients = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            clients.add(client(list.get(i), "auth.clients[" + i + "]"));
        }
        return clients;
    }

    private static OAuthClient client(Object raw, String at) throws ServerConfigException {
        if (!(raw instanceof Map<?, ?> client)) {
            throw new ServerConfigException(at + " must be a mapping");
        }
        AuthSettings.refuseUnknownKeys(client, at, CLIENT_KEYS);
        String id = text(client, "client_id", at, true);
        String name = text(client, "name", at, true);
        String secret = text(client, "client_secret", at, false);
        List<String> redirects = strings(client.get("redirect_uris"), at + ".redirect_uris");
        for (String uri : redirects) {
            String refusal = RedirectUris.refusal(uri);
            if (refusal != null) {
                throw new ServerConfigException(at + ".redirect_uris: " + refusal);
            }
        }
        List<String> grants = strings(client.get("grant_types"), at + ".grant_types");
        for (String grant : grants) {
            if (!grant.equals("authorization_code") && !grant.equals("refresh_token")) {
                throw new ServerConfigException(at + ".grant_types: '" + grant
                        + "' is not authorization_code or refresh_token");
            }
        }
        List<String> scopes = strings(client.get("scopes"), at + ".scopes");
        return new OAuthClient(id, secret, secret == null ? "none" : "client_secret_post", redirects,
                grants.isEmpty() ? List.of("authorization_code") : grants,
                scopes.isEmpty() ? null : String.join(" ", scopes), name, Instant.now());
    }

    private static String text(Map<?, ?> map, String key, String at, boolean required) throws ServerConfigException {
        Object value = map.get(key);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ServerConfigException(at + "." + key + (value == null ? " is required" : " must be a string"));
        }
        return text;
    }

    private static List<String> strings(Object raw, String at) throws ServerConfigException {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ServerConfigException(at + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
