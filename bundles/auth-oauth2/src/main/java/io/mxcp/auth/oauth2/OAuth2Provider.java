package io.mxcp.auth.oauth2;

import java.time.Clock;
import java.util.Map;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * A plain OAuth 2 provider for issuer mode: its {@link Dialect} and the reader of its block of settings. The login
 * is an {@link OAuth2Login}. Opening asks nothing of the provider, so the server starts while it is unreachable.
 */
public abstract class OAuth2Provider implements AuthProvider {
    private final Dialect dialect;
    private final OAuth2Settings.Reader settings;

    protected OAuth2Provider(Dialect dialect, OAuth2Settings.Reader settings) {
        this.dialect = dialect;
        this.settings = settings;
    }

    @Override
    public final String providerName() {
        return dialect.name();
    }

    @Override
    public final String displayName(Map<String, Object> block) {
        return dialect.displayName();
    }

    @Override
    public final UpstreamLogin open(Map<String, Object> block, String callbackUrl) throws AuthException {
        return open(block, callbackUrl, Clock.systemUTC());
    }

    /** The login, computing the tokens' expiry times on this clock (tests). */
    public final UpstreamLogin open(Map<String, Object> block, String callbackUrl, Clock clock)
            throws AuthException {
        OAuth2Settings parsed = settings.read(block, callbackUrl);
        OAuthHttp http = new OAuthHttp(dialect.displayName());
        TokenAnswers answers = new TokenAnswers(dialect.displayName(), clock, dialect.scopeList());
        return new OAuth2Login(new AuthorizationUrl(parsed.client(), dialect),
                new TokenEndpoint(http, parsed.client(), dialect.tokenBody(), answers), parsed.users(http), http);
    }
}
