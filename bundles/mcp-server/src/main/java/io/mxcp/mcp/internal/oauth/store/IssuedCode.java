package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;

/**
 * An authorization code the server issued to a client (5 minutes). Redeeming it marks it used rather than deleting
 * it, so a second redemption is recognised and the tokens issued from the first revoked (RFC 6749 §4.1.2).
 *
 * @param code          the code
 * @param clientId      the client it was issued to
 * @param redirectUri   the redirect URI it was sent to
 * @param codeChallenge the client's PKCE S256 challenge
 * @param resource      the resource the tokens will be for, or null
 * @param grant         the upstream login it carries (user and upstream tokens)
 * @param expiresAt     when it stops being accepted
 * @param redeemedBy    the token family its redemption started, or null while unused
 */
public record IssuedCode(String code, String clientId, String redirectUri, String codeChallenge, String resource,
        UpstreamGrant grant, Instant expiresAt, String redeemedBy) {
}
