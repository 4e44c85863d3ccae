package io.mxcp.sdk.auth;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The upstream legs of a login at one provider, for one configuration. Thread-safe. A failure is an
 * {@link AuthException} with the OAuth error code and HTTP status the server answers with
 * ({@code temporarily_unavailable} 503 when the provider cannot be reached, {@code invalid_grant} for a refused
 * code or refresh token, {@code invalid_token} when the user cannot be read); upstream bodies are never put in it.
 *
 * @since 2.0
 */
@ConsumerType
public interface UpstreamLogin extends AutoCloseable {

    /**
     * The provider's authorization URL for the user's browser, with the callback URL, the configured scopes and the
     * server's {@code state}.
     *
     * @param codeChallenge the S256 challenge of the server's own verifier; ignored when {@link #usesPkce()} is false
     */
    String authorizationUrl(String state, String codeChallenge);

    /** Whether the provider takes PKCE (S256): the server then sends a challenge and keeps its verifier. */
    boolean usesPkce();

    /** Exchanges the code the provider sent to the callback URL; the verifier is null without PKCE. */
    TokenSet exchangeCode(String code, String codeVerifier) throws AuthException;

    /**
     * New upstream tokens for a refresh token; a provider that does not rotate refresh tokens returns the given one.
     *
     * @param scopes the scopes granted before
     */
    TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException;

    /**
     * The user the tokens belong to: identifiers, profile (merged with the claims of the tokens when they are JWTs)
     * and the upstream access token as {@link UserContext#externalToken()}.
     */
    UserContext userInfo(TokenSet tokens) throws AuthException;

    @Override
    void close();
}
