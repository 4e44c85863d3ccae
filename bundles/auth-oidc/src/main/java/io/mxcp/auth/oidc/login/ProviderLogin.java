package io.mxcp.auth.oidc.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/**
 * The upstream legs of a login at an OAuth 2 / OIDC provider that takes form-encoded token requests and describes
 * the user at a user-info endpoint (Google, Keycloak, any OIDC provider). The user's external token is the upstream
 * access token; the granted scopes are the upstream ones.
 */
final class ProviderLogin implements UpstreamLogin {
    /** The time limit of each request to the provider. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private final String providerName;
    private final AuthorizationRequest authorization;
    private final boolean usesPkce;
    private final TokenEndpoint tokens;
    private final UserInfoEndpoint userInfo;
    private final UserInfoMapping mapping;
    private final IssuerHttp http;

    /**
     * @param providerName the users' provider name
     * @param http         the HTTP client of the endpoints, closed with this login
     */
    ProviderLogin(String providerName, AuthorizationRequest authorization, boolean usesPkce, TokenEndpoint tokens,
            UserInfoEndpoint userInfo, UserInfoMapping mapping, IssuerHttp http) {
        this.providerName = providerName;
        this.authorization = authorization;
        this.usesPkce = usesPkce;
        this.tokens = tokens;
        this.userInfo = userInfo;
        this.mapping = mapping;
        this.http = http;
    }

    /**
     * A login at a provider.
     *
     * @param audience sent in token requests when not null
     * @param http     the HTTP client of every request, closed with the login
     */
    static ProviderLogin create(String providerName, ClientRegistration client, ProviderEndpoints endpoints,
            AuthorizationRequest authorization, boolean usesPkce, String audience, UserInfoMapping mapping,
            IssuerHttp http, Clock clock) {
        return new ProviderLogin(providerName, authorization, usesPkce,
                new TokenEndpoint(http, endpoints.token(), client, audience, new GrantReader(clock)),
                new UserInfoEndpoint(http, endpoints.userInfo()), mapping, http);
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge) {
        return authorization.url(state, usesPkce ? codeChallenge : null);
    }

    @Override
    public boolean usesPkce() {
        return usesPkce;
    }

    @Override
    public TokenSet exchangeCode(String code, String codeVerifier) throws AuthException {
        return tokens.exchange(code, codeVerifier);
    }

    @Override
    public TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
        return tokens.refresh(refreshToken, scopes);
    }

    @Override
    public UserContext userInfo(TokenSet grant) throws AuthException {
        Map<String, Object> profile = userInfo.profile(grant.accessToken());
        UserIdentity user = mapping.identity(profile);
        // OIDC Core §5.3.2: user info about another subject than the ID token's must not be used
        if (UnverifiedClaims.of(grant.idToken()).get("sub") instanceof String subject
                && !subject.equals(user.userId())) {
            throw new InvalidTokenException("The user-info response names another subject than the ID token");
        }
        return new UserContext(user.userId(), user.username(), user.email(), user.name(), user.avatarUrl(),
                providerName, grant.scopes(), grant.accessToken(), RawProfile.merge(grant, profile));
    }

    @Override
    public void close() {
        http.close();
    }
}
