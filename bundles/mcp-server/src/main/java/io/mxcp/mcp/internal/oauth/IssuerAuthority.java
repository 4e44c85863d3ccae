package io.mxcp.mcp.internal.oauth;

import java.time.Clock;

import io.mxcp.mcp.internal.auth.BearerAuthority;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.TokenSession;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.UserContext;

/**
 * Issuer mode: a token is good when this server issued it, it is unexpired, not revoked, and meant for this
 * resource. Looked up by its hash only.
 */
final class IssuerAuthority implements BearerAuthority {
    private final OAuthStore store;
    private final IssuerUrls urls;
    private final Clock clock;

    IssuerAuthority(OAuthStore store, IssuerUrls urls, Clock clock) {
        this.store = store;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public UserContext verify(String token) throws AuthException {
        TokenSession session;
        try {
            session = store.sessionByAccessToken(token, clock.instant());
        } catch (OAuthStoreException e) {
            throw new AuthException("The token store cannot be read: " + e.getMessage(), "temporarily_unavailable",
                    503, e);
        }
        if (session == null) {
            throw new InvalidTokenException("The token is unknown, revoked or expired");
        }
        if (session.resource() != null && !urls.isOurs(session.resource())) {
            throw new InvalidTokenException("The token is for another resource: " + session.resource());
        }
        return session.grant().user();
    }

    @Override
    public String issuer() {
        return urls.issuer();
    }

    @Override
    public void close() {
        // the store belongs to the authorization server, which closes it
    }
}
