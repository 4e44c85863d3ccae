package io.mxcp.auth.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.mxcp.sdk.auth.AuthException;

/**
 * The {@code auth.github} block of an issuer-mode profile. Checked completely when the server starts, so a typo
 * stops the start with the field's name instead of failing a user's login later.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>meaning</th></tr>
 * <tr><td>{@code client_id}, {@code client_secret}</td><td>the OAuth app's credentials (required)</td></tr>
 * <tr><td>{@code callback_path}</td><td>the server's callback path, registered at GitHub with the base URL
 * (required; the server turns it into the callback URL)</td></tr>
 * <tr><td>{@code auth_url}, {@code token_url}</td><td>normally {@code https://github.com/login/oauth/authorize}
 * and {@code https://github.com/login/oauth/access_token} (required)</td></tr>
 * <tr><td>{@code scope}</td><td>the scopes asked of GitHub, space-separated; default empty (GitHub then grants
 * public data only)</td></tr>
 * <tr><td>{@code api_url}</td><td>the REST API the user is read from (ours: the original always asks
 * {@code https://api.github.com}); set it for GitHub Enterprise Server ({@code https://HOST/api/v3}) or a test
 * double; default {@code https://api.github.com}</td></tr>
 * <tr><td>{@code claim_mappings}</td><td>profile claims to capabilities; applied by the server, only its shape
 * (a map) is checked here</td></tr>
 * </table>
 *
 * @param clientId     the OAuth app's client id
 * @param clientSecret the OAuth app's client secret
 * @param callbackPath the callback path
 * @param authUrl      GitHub's authorization endpoint
 * @param tokenUrl     GitHub's token endpoint
 * @param apiUrl       the REST API's base, without a trailing {@code /}
 * @param scope        the configured scope string, as sent to GitHub ({@code ""} when not set)
 */
record GitHubSettings(String clientId, String clientSecret, String callbackPath, URI authUrl, URI tokenUrl,
        String apiUrl, String scope) {

    static final String BLOCK = "auth.github";
    static final String DEFAULT_API_URL = "https://api.github.com";
    private static final Set<String> FIELDS = Set.of("client_id", "client_secret", "scope", "callback_path",
            "auth_url", "token_url", "api_url", "claim_mappings");

    static GitHubSettings parse(Map<String, Object> settings) throws AuthException {
        if (settings == null) {
            throw new AuthException("GitHub provider selected but no GitHub configuration found (" + BLOCK + ")");
        }
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            List<String> named = new ArrayList<>();
            unknown.forEach(key -> named.add(BLOCK + "." + key));
            throw new AuthException("Unknown field" + (named.size() == 1 ? " " : "s ") + String.join(", ", named)
                    + " (allowed: " + String.join(", ", new TreeSet<>(FIELDS)) + ")");
        }
        Object mappings = settings.get("claim_mappings");
        if (mappings != null && !(mappings instanceof Map)) {
            throw new AuthException(BLOCK + ".claim_mappings must be a map of claim to {value: [capabilities]}");
        }
        String scope = optional(settings, "scope");
        String apiUrl = optional(settings, "api_url");
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        url(apiUrl, "api_url");
        while (apiUrl.endsWith("/")) {
            apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
        }
        return new GitHubSettings(required(settings, "client_id"), required(settings, "client_secret"),
                required(settings, "callback_path"), url(required(settings, "auth_url"), "auth_url"),
                url(required(settings, "token_url"), "token_url"), apiUrl, scope == null ? "" : scope);
    }

    /** The configured scopes: what GitHub granted when its answer does not say. */
    List<String> configuredScopes() {
        return Arrays.stream(scope.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, Object> settings, String key) throws AuthException {
        String value = optional(settings, key);
        if (value == null || value.isBlank()) {
            throw new AuthException(BLOCK + "." + key + " is required");
        }
        return value;
    }

    private static String optional(Map<String, Object> settings, String key) throws AuthException {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new AuthException(BLOCK + "." + key + " must be a string");
        }
        return text;
    }

    private static URI url(String text, String key) throws AuthException {
        try {
            URI uri = new URI(text.strip());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new AuthException(BLOCK + "." + key + " is not an http(s) URL: '" + text + "'");
    }
}
