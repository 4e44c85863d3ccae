package io.mxcp.auth.oauth2;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/** Reads the user the upstream tokens belong to from the provider: a provider's user-info mapping. */
@FunctionalInterface
public interface UserReader {

    /**
     * @throws AuthException {@code invalid_token} when the provider refuses the token or describes no user,
     *                       {@code temporarily_unavailable} when it cannot be reached
     */
    UserContext user(TokenSet tokens) throws AuthException;
}
