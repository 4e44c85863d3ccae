package io.mxcp.auth.oauth2;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.config.HttpUrl;

/**
 * One provider block of an issuer-mode profile ({@code auth.github}, ...), checked completely when the server starts,
 * so a typo stops the start with the field's name instead of failing a user's login later: no unknown keys, required
 * keys present and not blank, strings where strings are expected, http(s) URLs where URLs are expected.
 *
 * <p>The keys every block has ({@link #CLIENT_FIELDS}):
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>meaning</th></tr>
 * <tr><td>{@code client_id}, {@code client_secret}</td><td>the OAuth app's credentials (required)</td></tr>
 * <tr><td>{@code callback_path}</td><td>the server's callback path, registered at the provider with the base URL
 * (required; the server turns it into the callback URL)</td></tr>
 * <tr><td>{@code auth_url}, {@code token_url}</td><td>the provider's endpoints (required)</td></tr>
 * <tr><td>{@code scope}</td><td>the scopes asked of the provider, space-separated; required or default empty,
 * depending on the provider</td></tr>
 * <tr><td>{@code claim_mappings}</td><td>profile claims to capabilities; applied by the server, only its shape
 * (a map) is checked here</td></tr>
 * </table>
 */
public final class SettingsBlock {
    public static final Set<String> CLIENT_FIELDS = Set.of("client_id", "client_secret", "scope", "callback_path",
            "auth_url", "token_url", "claim_mappings");

    private final String block;
    private final String displayName;
    private final Map<String, Object> settings;

    private SettingsBlock(String block, String displayName, Map<String, Object> settings) {
        this.block = block;
        this.displayName = displayName;
        this.settings = settings;
    }

    /**
     * The block of a provider ({@code auth.<name>}), refused when it is missing, has keys other than
     * {@link #CLIENT_FIELDS} and {@code extraFields}, or a {@code claim_mappings} that is not a map.
     */
    public static SettingsBlock of(Map<String, Object> settings, Dialect provider, String... extraFields)
            throws AuthException {
        String block = "auth." + provider.name();
        String displayName = provider.displayName();
        if (settings == null) {
            throw new AuthException(displayName + " provider selected but no " + displayName
                    + " configuration found (" + block + ")");
        }
        Set<String> fields = new TreeSet<>(CLIENT_FIELDS);
        fields.addAll(List.of(extraFields));
        List<String> unknown = new TreeSet<>(settings.keySet()).stream().filter(k -> !fields.contains(k))
                .map(k -> block + "." + k).toList();
        if (!unknown.isEmpty()) {
            throw new AuthException("Unknown field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " (allowed: " + String.join(", ", fields) + ")");
        }
        Object mappings = settings.get("claim_mappings");
        if (mappings != null && !(mappings instanceof Map)) {
            throw new AuthException(block + ".claim_mappings must be a map of claim to {value: [capabilities]}");
        }
        return new SettingsBlock(block, displayName, settings);
    }

    /**
     * The client keys.
     *
     * @param scopeRequired whether {@code scope} is required; else it defaults to {@code ""}
     * @param callbackUrl   the server's callback URL, as given to {@code AuthProvider.open}
     */
    public ClientSettings client(boolean scopeRequired, String callbackUrl) throws AuthException {
        String scope = scopeRequired ? required("scope") : optional("scope");
        ClientSettings client = new ClientSettings(required("client_id"), required("client_secret"), callbackUrl,
                url("auth_url", null), url("token_url", null), scope == null ? "" : scope);
        required("callback_path");
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new AuthException("The " + displayName + " login needs the server's callback URL (base URL and "
                    + path("callback_path") + ")");
        }
        return client;
    }

    /** The path of a key, for messages: {@code auth.github.scope}. */
    public String path(String key) {
        return block + "." + key;
    }

    /** A string that is neither absent nor blank. */
    public String required(String key) throws AuthException {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            throw new AuthException(path(key) + " is required");
        }
        return value;
    }

    /** A string, or null when absent. */
    public String optional(String key) throws AuthException {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new AuthException(path(key) + " must be a string");
        }
        return text;
    }

    /** An http(s) URL with a host; {@code fallback} when absent or blank (required when the fallback is null). */
    public URI url(String key, String fallback) throws AuthException {
        String text = optional(key);
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new AuthException(path(key) + " is required");
            }
            text = fallback;
        }
        try {
            return HttpUrl.parse(text, path(key));
        } catch (IllegalArgumentException e) {
            throw new AuthException(e.getMessage());
        }
    }

    /** As {@link #url}, as text without trailing {@code /}: the base of an API's paths. */
    public String baseUrl(String key, String fallback) throws AuthException {
        String base = url(key, fallback).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }
}
