package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;

/**
 * An access token and its refresh token, as the server issued them to one client. Tokens are looked up by their
 * SHA-256 only. A refresh rotates the session: the successor belongs to the same {@code family}; when a rotated-out
 * refresh token comes back after the grace window, the whole family is revoked.
 *
 * @param sessionId        the session's id
 * @param family           the family id: the same for every session rotated out of one code redemption
 * @param clientId         the client the tokens were issued to (a refresh by another client is refused)
 * @param accessToken      the access token
 * @param refreshToken     the refresh token, or null
 * @param resource         the resource (audience) the tokens are for, or null
 * @param grant            the upstream login
 * @param accessExpiresAt  when the access token expires
 * @param refreshExpiresAt when the refresh token expires, or null for never
 * @param createdAt        when it was issued
 */
public record TokenSession(String sessionId, String family, String clientId, String accessToken, String refreshToken,
        String resource, UpstreamGrant grant, Instant accessExpiresAt, Instant refreshExpiresAt, Instant createdAt) {
}
