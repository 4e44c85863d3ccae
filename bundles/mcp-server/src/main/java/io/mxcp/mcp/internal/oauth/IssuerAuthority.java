package io.mxcp.mcp.internal.oauth;

import java.time.Clock;
import java.time.Instant;

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
        Instant now = clock.instant();
        TokenSession session;
        TokenSession expired = null;
        try {
            session = store.sessionByAccessToken(token, now);
            if (session == null) {
                expired = store.sessionOfExpiredAccessToken(token, now);
            }
        } catch (OAuthStoreException e) {
            throw new AuthException("The token store cannot be read: " + e.getMessage(), "temporarily_unavailable",
                    503, e);
        }
        if (expired != null) {
            // routine (a client refreshes next), and told apart from probing with tokens the store does not know
            throw new InvalidTokenException("The token of user " + expired.grant().user().userId() + " expired at "
                    + expired.accessExpiresAt());
        }
        if (session == null) {
            throw new InvalidTokenException("The token is unknown, revoked or replaced at a refresh");
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
