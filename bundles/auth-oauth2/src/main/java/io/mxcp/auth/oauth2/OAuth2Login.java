package io.mxcp.auth.oauth2;

import java.util.List;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/**
 * The upstream legs of a login at a plain OAuth 2 provider, for one provider block: its authorization URL, its token
 * endpoint and its user-info mapping. Holds no state between calls, so one instance serves every login of the
 * server; closing it closes its HTTP client.
 *
 * @param authorization the authorization URL
 * @param tokens        the token endpoint
 * @param users         where the user is read
 * @param http          the client {@code tokens} and {@code users} send with
 */
public record OAuth2Login(AuthorizationUrl authorization, TokenEndpoint tokens, UserReader users, OAuthHttp http)
        implements UpstreamLogin {

    @Override
    public String authorizationUrl(String state, String codeChallenge) {
        return authorization.build(state, codeChallenge);
    }

    @Override
    public boolean usesPkce() {
        return authorization.dialect().pkce();
    }

    /** The verifier is sent only to a provider that takes PKCE. */
    @Override
    public TokenSet exchangeCode(String code, String codeVerifier) throws AuthException {
        return tokens.exchange(code, usesPkce() ? codeVerifier : null);
    }

    @Override
    public TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
        return tokens.refresh(refreshToken, scopes);
    }

    @Override
    public UserContext userInfo(TokenSet tokenSet) throws AuthException {
        return users.user(tokenSet);
    }

    @Override
    public void close() {
        http.close();
    }
}
