package io.mxcp.mcp.internal.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A redirect the authorization server answers with: where to, and with which status (302 for {@code /authorize},
 * 307 for the callback, as the original).
 */
public record Redirect(String location, int status) implements BrowserAnswer {

    /** The URI with the parameters added to its query (existing ones kept); null values are left out. */
    static String withQuery(String uri, Map<String, String> parameters) {
        StringBuilder location = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                location.append(separator).append(encode(parameter.getKey())).append('=')
                        .append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        return location.toString();
    }

    /** An error delivered to the client's redirect URI (RFC 6749 §4.1.2.1). */
    static Redirect error(String redirectUri, String error, String description, String state, String issuer,
            int status) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        parameters.put("iss", issuer);
        return new Redirect(withQuery(redirectUri, parameters), status);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
