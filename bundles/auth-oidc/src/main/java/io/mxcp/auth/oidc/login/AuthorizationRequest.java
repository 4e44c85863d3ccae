package io.mxcp.auth.oidc.login;

/** A provider's authorization URL, with its parameters in the provider's order. */
@FunctionalInterface
interface AuthorizationRequest {

    /** @param codeChallenge the S256 challenge, or null when the login does not use PKCE */
    String url(String state, String codeChallenge);
}
