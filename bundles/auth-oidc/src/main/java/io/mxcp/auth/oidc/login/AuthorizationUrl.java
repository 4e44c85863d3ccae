package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds an authorization URL: the endpoint and query parameters in the order added, form-encoded. */
final class AuthorizationUrl {
    private final StringBuilder url;
    private boolean hasQuery;

    private AuthorizationUrl(URI endpoint) {
        url = new StringBuilder(endpoint.toString());
        hasQuery = endpoint.getRawQuery() != null;
    }

    static AuthorizationUrl at(URI endpoint) {
        return new AuthorizationUrl(endpoint);
    }

    /** Adds a parameter; a null value adds nothing. */
    AuthorizationUrl param(String name, String value) {
        if (value != null) {
            url.append(hasQuery ? '&' : '?').append(encode(name)).append('=').append(encode(value));
            hasQuery = true;
        }
        return this;
    }

    /** Adds {@code code_challenge} and {@code code_challenge_method=S256}; a null challenge adds nothing. */
    AuthorizationUrl pkce(String codeChallenge) {
        if (codeChallenge != null) {
            param("code_challenge", codeChallenge);
            param("code_challenge_method", "S256");
        }
        return this;
    }

    @Override
    public String toString() {
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
