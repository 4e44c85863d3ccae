package io.mxcp.mcp.internal.auth;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UserContext;

/** Who says what a bearer token is worth: an external issuer (verifier mode) or this server (issuer mode). */
public interface BearerAuthority {

    /**
     * The user of a token, with its scopes.
     *
     * @throws io.mxcp.sdk.auth.InvalidTokenException the token is not acceptable (401)
     * @throws AuthException                           the token cannot be checked now (503)
     */
    UserContext verify(String token) throws AuthException;

    /** The authorization server clients get tokens from. */
    String issuer() throws AuthException;

    /** At server stop. */
    void close();
}
