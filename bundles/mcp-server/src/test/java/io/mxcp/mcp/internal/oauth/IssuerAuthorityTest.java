package io.mxcp.mcp.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.mcp.internal.oauth.store.SqliteOAuthStore;
import io.mxcp.mcp.internal.oauth.store.StoreFixtures;
import io.mxcp.mcp.internal.oauth.store.TokenSession;
import io.mxcp.sdk.auth.InvalidTokenException;

/** Why the issuer refuses one of its access tokens, as the log and the audit record say it. */
class IssuerAuthorityTest {

    @TempDir
    Path dir;

    @Test
    void anExpiredTokenIsToldApartFromOneTheStoreDoesNotKnow() throws Exception {
        try (SqliteOAuthStore store = SqliteOAuthStore.open(dir.resolve("oauth.db"), StoreFixtures.KEY)) {
            TokenSession session = StoreFixtures.session("ann", "family-ann", StoreFixtures.NOW.plusSeconds(60), null);
            StoreFixtures.stored(store, session);
            IssuerUrls urls = new IssuerUrls("https://mcp.example.com");
            Clock later = Clock.fixed(StoreFixtures.NOW.plusSeconds(120), ZoneOffset.UTC);
            IssuerAuthority authority = new IssuerAuthority(store, urls, Clock.fixed(StoreFixtures.NOW, ZoneOffset.UTC));
            assertEquals("user-ann", authority.verify(session.accessToken()).userId());

            IssuerAuthority afterExpiry = new IssuerAuthority(store, urls, later);
            assertEquals("The token of user user-ann expired at " + session.accessExpiresAt(), assertThrows(
                    InvalidTokenException.class, () -> afterExpiry.verify(session.accessToken())).getMessage());
            assertEquals("The token is unknown, revoked or replaced at a refresh", assertThrows(
                    InvalidTokenException.class, () -> afterExpiry.verify("mcp_made-up")).getMessage());
        }
    }
}
