package io.mxcp.sdk.auth;

import java.time.Instant;
import java.util.List;

/**
 * Tokens an upstream authorization server issued.
 *
 * @param accessToken  the access token
 * @param refreshToken the refresh token, or null
 * @param expiresAt    when the access token expires, or null when unknown
 * @param scopes       granted scopes
 * @param idToken      the OIDC ID token, or null (since 2.0)
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes,
        String idToken) {
    public TokenSet {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Tokens without an ID token. */
    public TokenSet(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes) {
        this(accessToken, refreshToken, expiresAt, scopes, null);
    }
}
