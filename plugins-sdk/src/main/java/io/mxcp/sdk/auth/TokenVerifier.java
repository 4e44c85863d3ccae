package io.mxcp.sdk.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks the bearer tokens of one configuration. Thread-safe: every request of the server calls it.
 *
 * @since 2.0
 */
@ConsumerType
public interface TokenVerifier extends AutoCloseable {

    /**
     * The user a token belongs to, with the token's scopes; the token itself is never part of the result.
     *
     * @throws InvalidTokenException the token is not acceptable (bad signature, issuer or audience, expired,
     *                               unknown); the caller answers 401
     * @throws AuthException         the token could not be checked (the issuer is unreachable); the caller
     *                               answers 503
     */
    UserContext verify(String token) throws AuthException;

    /**
     * The issuer clients get their tokens from, as protected resource metadata lists it.
     *
     * @throws AuthException when the issuer's discovery document cannot be read
     */
    String issuer() throws AuthException;

    /** Releases caches and connections; calls in flight may still finish. */
    @Override
    void close();
}
