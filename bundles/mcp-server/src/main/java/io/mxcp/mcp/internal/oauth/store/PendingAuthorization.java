package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;

/**
 * An authorization request on its way through the upstream provider, kept under the server's own {@code state}
 * until the provider sends the user back (single use, 5 minutes).
 *
 * @param state                the server's state sent upstream (the key)
 * @param clientId             the MCP client
 * @param redirectUri          the client's redirect URI, as validated
 * @param codeChallenge        the client's PKCE S256 challenge
 * @param clientState          the client's {@code state}, or null
 * @param resource             the RFC 8707 resource the client asked for, or null
 * @param upstreamCodeVerifier the server's own PKCE verifier for the provider, or null
 * @param expiresAt            when it stops being accepted
 * @param browserBinding       the SHA-256 of the cookie the browser that asked got, which it must bring back; null
 *                             when the request needs no binding (a client the operator configured)
 */
public record PendingAuthorization(String state, String clientId, String redirectUri, String codeChallenge,
        String clientState, String resource, String upstreamCodeVerifier, Instant expiresAt, String browserBinding) {
}
