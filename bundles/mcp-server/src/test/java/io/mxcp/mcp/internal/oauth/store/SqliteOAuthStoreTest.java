package io.mxcp.mcp.internal.oauth.store;

import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.KEY;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.NOW;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.client;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.code;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.fromNow;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.pending;
import static io.mxcp.mcp.internal.oauth.store.StoreFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.mcp.internal.oauth.store.OAuthStore.RotatedToken;

class SqliteOAuthStoreTest {

    @TempDir
    Path folder;
    private Path file;
    private SqliteOAuthStore store;

    @BeforeEach
    void open() throws Exception {
        file = folder.resolve("oauth.db");
        store = SqliteOAuthStore.open(file, KEY);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aClientRemovedFromTheConfigGoesWithItsTokensAndRegisteredOnesStay() throws Exception {
        store.configureClients(List.of(client("client-a", null), client("client-b", "secret")));
        store.saveClient(client("registered", null));
        TokenSession ofA = session("of-a", "family-a");
        StoreFixtures.stored(store, ofA);

        store.configureClients(List.of(client("client-b", "secret")));
        assertNull(store.client("client-a"), "no longer configured");
        assertNull(store.sessionByAccessToken(ofA.accessToken(), NOW), "and its tokens are revoked");
        assertEquals(client("client-b", "secret"), store.client("client-b"));
        assertEquals(client("registered", null), store.client("registered"), "dynamic registrations stay");
    }

    @Test
    void keepsClients() throws Exception {
        OAuthClient confidential = client("client-a", "client-secret-SECRET");
        OAuthClient publicClient = client("client-b", null);
        store.saveClient(confidential);
        store.saveClient(publicClient);
        assertEquals(confidential, store.client("client-a"));
        assertEquals(publicClient, store.client("client-b"));
        assertNull(store.client("client-c"));

        OAuthClient renamed = new OAuthClient("client-a", "new-secret", "client_secret_basic",
                List.of("https://other.example.com/cb"), List.of("authorization_code"), null, null, NOW);
        store.saveClient(renamed);
        assertEquals(renamed, store.client("client-a"));
    }

    @Test
    void aClientRowThatCannotBeDecodedIsUnknown() throws Exception {
        store.saveClient(client("odd-method", null));
        store.saveClient(client("bad-uri", null));
        store.saveClient(client("bad-json", null));
        sql("UPDATE oauth_clients SET token_endpoint_auth_method = 'private_key_jwt' WHERE client_id = 'odd-method'");
        sql("UPDATE oauth_clients SET redirect_uris = '[\"not a uri\"]' WHERE client_id = 'bad-uri'");
        sql("UPDATE oauth_clients SET grant_types = '{' WHERE client_id = 'bad-json'");
        assertNull(store.client("odd-method"));
        assertNull(store.client("bad-uri"));
        assertNull(store.client("bad-json"));
    }

    @Test
    void aPendingAuthorizationIsTakenOnce() throws Exception {
        PendingAuthorization pending = pending("state-1", fromNow(300));
        store.savePending(pending);
        assertEquals(pending, store.takePending("state-1"));
        assertNull(store.takePending("state-1"));
        assertNull(store.takePending("state-unknown"));
    }

    @Test
    void anExpiredPendingAuthorizationIsAbsentAndRemoved() throws Exception {
        store.savePending(pending("state-old", fromNow(-1)));
        assertNull(store.takePending("state-old"));
        assertEquals(0, count("states"));
    }

    @Test
    void aCodeReadsAsIssuedUntilItExpires() throws Exception {
        IssuedCode code = code("code-1", fromNow(300));
        store.saveCode(code);
        assertEquals(code, store.code("code-1"));
        assertEquals(code, store.code("code-1"), "reading does not consume");
        assertNull(store.code("code-unknown"));

        store.saveCode(code("code-old", fromNow(-1)));
        assertNull(store.code("code-old"));
        assertEquals(1, count("auth_codes"), "the expired code is removed");
    }

    @Test
    void aCodeIsRedeemedOnce() throws Exception {
        store.saveCode(code("code-1", fromNow(300)));
        TokenSession first = session("first", "family-1", fromNow(3600), null);
        assertTrue(store.redeemCode("code-1", first));
        assertEquals(first, store.sessionByAccessToken(first.accessToken(), NOW), "stored with the redemption");
        TokenSession second = session("second", "family-2", fromNow(3600), null);
        assertFalse(store.redeemCode("code-1", second));
        assertNull(store.sessionByAccessToken(second.accessToken(), NOW), "a lost redemption stores nothing");
        assertEquals("family-1", store.code("code-1").redeemedBy());
        assertFalse(store.redeemCode("code-unknown", session("third", "family-3", fromNow(3600), null)));
    }

    @Test
    void twoRedemptionsRacingHaveOneWinner() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String code = "code-race-" + round;
                store.saveCode(code(code, fromNow(300)));
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> redeem = () -> {
                    start.await();
                    String name = code + "-" + Thread.currentThread().getName();
                    return store.redeemCode(code, session(name, name, fromNow(3600), null));
                };
                Future<Boolean> first = threads.submit(redeem);
                Future<Boolean> second = threads.submit(redeem);
                start.countDown();
                assertTrue(first.get() ^ second.get(), "exactly one redemption wins");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSessionIsFoundByEitherToken() throws Exception {
        TokenSession session = session("s1", "family-1");
        StoreFixtures.stored(store, session);
        assertEquals(session, store.sessionByAccessToken(session.accessToken(), NOW));
        assertEquals(session, store.sessionByRefreshToken(session.refreshToken(), NOW));
        assertNull(store.sessionByAccessToken(session.refreshToken(), NOW), "a refresh token is no access token");
        assertNull(store.sessionByRefreshToken(session.accessToken(), NOW));
        assertNull(store.sessionByAccessToken("mcp_unknown", NOW));
    }

    @Test
    void aSessionWithoutRefreshTokenRoundTrips() throws Exception {
        TokenSession full = session("s1", "family-1");
        TokenSession session = new TokenSession(full.sessionId(), full.family(), full.clientId(), full.accessToken(),
                null, null, full.grant(), full.accessExpiresAt(), null, full.createdAt());
        StoreFixtures.stored(store, session);
        assertEquals(session, store.sessionByAccessToken(session.accessToken(), NOW));
    }

    @Test
    void anExpiredAccessTokenStopsWorkingWhileItsRefreshTokenStillDoes() throws Exception {
        TokenSession session = session("s1", "family-1", NOW.plusSeconds(60), NOW.plusSeconds(600));
        StoreFixtures.stored(store, session);
        Instant later = NOW.plusSeconds(120);
        assertNull(store.sessionByAccessToken(session.accessToken(), later));
        assertEquals(session, store.sessionOfExpiredAccessToken(session.accessToken(), later),
                "an expiry is told apart from an unknown token");
        assertNull(store.sessionOfExpiredAccessToken(session.accessToken(), NOW), "not expired yet");
        assertNull(store.sessionOfExpiredAccessToken("never-issued", later));
        assertEquals(session, store.sessionByRefreshToken(session.refreshToken(), later), "refresh ignores access");
        assertEquals(1, count("sessions"), "kept while its refresh token works");

        Instant muchLater = NOW.plusSeconds(601);
        assertNull(store.sessionByRefreshToken(session.refreshToken(), muchLater));
        assertEquals(0, count("sessions"), "removed once both tokens expired");
    }

    @Test
    void aSessionWithoutRefreshTokenGoesWhenItsAccessTokenExpires() throws Exception {
        TokenSession full = session("s1", "family-1", NOW.plusSeconds(60), null);
        StoreFixtures.stored(store, new TokenSession(full.sessionId(), full.family(), full.clientId(), full.accessToken(), null,
                null, full.grant(), full.accessExpiresAt(), null, full.createdAt()));
        assertNull(store.sessionByAccessToken(full.accessToken(), NOW.plusSeconds(60)));
        assertEquals(0, count("sessions"));
    }

    @Test
    void aRefreshTokenWithoutExpiryNeverExpires() throws Exception {
        TokenSession session = session("s1", "family-1", NOW.plusSeconds(60), null);
        StoreFixtures.stored(store, session);
        assertEquals(session, store.sessionByRefreshToken(session.refreshToken(), NOW.plusSeconds(86_400 * 365)));
    }

    @Test
    void rotationRetiresTheOldTokensAndRemembersTheRefreshToken() throws Exception {
        TokenSession old = session("s1", "family-1");
        TokenSession successor = session("s2", "family-1");
        StoreFixtures.stored(store, old);
        Instant rotatedAt = NOW.plusSeconds(10);
        assertTrue(store.rotate(old, successor, rotatedAt));

        assertNull(store.sessionByAccessToken(old.accessToken(), NOW));
        assertNull(store.sessionByRefreshToken(old.refreshToken(), NOW));
        assertEquals(successor, store.sessionByRefreshToken(successor.refreshToken(), NOW));
        assertEquals(new RotatedToken("family-1", "client-a", "session-s2", rotatedAt),
                store.rotatedOut(old.refreshToken()));
        assertNull(store.rotatedOut(successor.refreshToken()));
        assertEquals(successor, store.liveSessionOf("family-1", NOW));

        assertFalse(store.rotate(old, session("s3", "family-1"), rotatedAt), "a session is rotated once");
        assertNull(store.sessionByAccessToken(session("s3", "family-1").accessToken(), NOW), "rolled back");
    }

    @Test
    void theLiveSessionOfAFamilyIsItsNewestUnexpiredOne() throws Exception {
        StoreFixtures.stored(store, session("s1", "family-1"));
        TokenSession older = session("s0", "family-2");
        TokenSession newer = new TokenSession("session-s3", "family-2", "client-a", "mcp_access-s3", null, null,
                older.grant(), NOW.plusSeconds(60), null, NOW.plusSeconds(5));
        StoreFixtures.stored(store, older);
        StoreFixtures.stored(store, newer);
        assertEquals(newer, store.liveSessionOf("family-2", NOW));
        assertEquals(older, store.liveSessionOf("family-2", NOW.plusSeconds(120)), "the newer one is over");
        assertNull(store.liveSessionOf("family-unknown", NOW));
    }

    @Test
    void revokingAFamilyRemovesAllItsSessions() throws Exception {
        TokenSession first = session("s1", "family-1");
        TokenSession second = session("s2", "family-1");
        TokenSession other = session("s3", "family-2");
        StoreFixtures.stored(store, first);
        StoreFixtures.stored(store, second);
        StoreFixtures.stored(store, other);
        store.revokeFamily("family-1");
        assertNull(store.sessionByAccessToken(first.accessToken(), NOW));
        assertNull(store.sessionByRefreshToken(second.refreshToken(), NOW));
        assertNull(store.liveSessionOf("family-1", NOW));
        assertEquals(other, store.sessionByAccessToken(other.accessToken(), NOW));
    }

    @Test
    void revocationGoesByEitherTokenAndOnlyForTheSessionsClient() throws Exception {
        TokenSession byAccess = session("s1", "family-1");
        TokenSession byRefresh = session("s2", "family-2");
        StoreFixtures.stored(store, byAccess);
        StoreFixtures.stored(store, byRefresh);

        assertFalse(store.revoke(byAccess.accessToken(), "client-b"));
        assertEquals(byAccess, store.sessionByAccessToken(byAccess.accessToken(), NOW), "another client's session");

        assertTrue(store.revoke(byAccess.accessToken(), "client-a"));
        assertNull(store.sessionByRefreshToken(byAccess.refreshToken(), NOW), "both tokens of the session die");
        assertTrue(store.revoke(byRefresh.refreshToken(), "client-a"));
        assertNull(store.sessionByAccessToken(byRefresh.accessToken(), NOW));
        assertFalse(store.revoke("mcp_unknown", "client-a"));
    }

    @Test
    void purgingRemovesWhatExpired() throws Exception {
        Instant now = fromNow(0);
        Instant past = now.minusSeconds(1);
        store.savePending(pending("state-old", past));
        store.savePending(pending("state-new", fromNow(300)));
        store.saveCode(code("code-old", past));
        store.saveCode(code("code-new", fromNow(300)));
        StoreFixtures.stored(store, session("dead", "family-dead", past, past));
        StoreFixtures.stored(store, session("refreshable", "family-live", past, now.plusSeconds(600)));
        TokenSession rotated = session("rotated", "family-dead");
        StoreFixtures.stored(store, rotated);
        store.rotate(rotated, session("successor", "family-dead", past, past), past);

        assertEquals(5, store.purgeExpired(now), "a state, a code, two sessions and the rotated-out token");
        assertEquals(1, count("states"));
        assertEquals(4, count("auth_codes"), "code-new and the three unexpired codes the sessions were redeemed from");
        assertEquals(1, count("sessions"));
        assertNull(store.rotatedOut(rotated.refreshToken()));
        assertEquals(0, store.purgeExpired(now));
    }

    @Test
    void aCorruptedEncryptedValueMakesTheSessionAbsent() throws Exception {
        TokenSession session = session("s1", "family-1");
        StoreFixtures.stored(store, session);
        sql("UPDATE sessions SET provider_access_token = substr(provider_access_token, 1, 60) || 'AAAA' "
                + "|| substr(provider_access_token, 65)");
        assertNull(store.sessionByAccessToken(session.accessToken(), NOW));
        assertNull(store.sessionByRefreshToken(session.refreshToken(), NOW));
        assertNull(store.liveSessionOf("family-1", NOW));
        assertEquals(1, count("sessions"), "kept, not deleted: reading it failed");
    }

    @Test
    void aStoreRefusesWorkOnceClosed() {
        store.close();
        OAuthStoreException closed = assertThrows(OAuthStoreException.class, () -> store.client("client-a"));
        assertTrue(closed.getMessage().startsWith("Token store " + file + ": cannot read a client"),
                closed.getMessage());
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    private int count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
