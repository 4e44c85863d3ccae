package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.UserContext;

/** Entities for the store tests; every secret is distinctive so it can be searched for in the file. */
public final class StoreFixtures {

    public static final String KEY = "0AikepgqzRMpkXsgeJZuQJxV3Aw-eoPRqO5ib9pJhl8=";
    static final String OTHER_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    /** The store keeps instants to the millisecond; sessions are judged against this time, passed to the store. */
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private StoreFixtures() {
    }

    /** A time relative to the clock (states and codes are judged against the store's clock). */
    static Instant fromNow(long seconds) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(seconds);
    }

    static UpstreamGrant grant(String name) {
        String upstreamAccess = "upstream-access-" + name + "-SECRET";
        UserContext user = new UserContext("user-" + name, name, name + "@example.com", "User " + name, null,
                "github", List.of("read:user", "repo"), upstreamAccess,
                Map.of("login", name, "id", 42, "orgs", List.of("raw-labs")), List.of("admin"));
        return new UpstreamGrant(user, upstreamAccess, "upstream-refresh-" + name + "-SECRET",
                NOW.plusSeconds(3600), List.of("repo"));
    }

    /** A session of client-a whose access token lives an hour and refresh token a day. */
    static TokenSession session(String name, String family) {
        return session(name, family, NOW.plusSeconds(3600), NOW.plusSeconds(86_400));
    }

    public static TokenSession session(String name, String family, Instant accessExpiresAt,
            Instant refreshExpiresAt) {
        return new TokenSession("session-" + name, family, "client-a", "mcp_access-" + name + "-SECRET",
                "mcp_refresh-" + name + "-SECRET", "https://mcp.example.com/mcp", grant(name), accessExpiresAt,
                refreshExpiresAt, NOW);
    }

    static OAuthClient client(String id, String secret) {
        return new OAuthClient(id, secret, secret == null ? "none" : "client_secret_post",
                List.of("http://127.0.0.1:3000/callback", "https://app.example.com/cb"),
                List.of("authorization_code", "refresh_token"), "mcp:read", "Client " + id, NOW);
    }

    static IssuedCode code(String code, Instant expiresAt) {
        return new IssuedCode(code, "client-a", "http://127.0.0.1:3000/callback", "challenge-" + code,
                "https://mcp.example.com/mcp", grant(code), expiresAt, null);
    }

    static PendingAuthorization pending(String state, Instant expiresAt) {
        return new PendingAuthorization(state, "client-a", "http://127.0.0.1:3000/callback", "challenge",
                "client-state", "https://mcp.example.com/mcp", "verifier-" + state, expiresAt, "binding-" + state);
    }

    /** Stores a session the way the server does: as the redemption of a code issued for it. */
    public static void stored(OAuthStore store, TokenSession session) throws OAuthStoreException {
        String code = "code-for-" + session.sessionId();
        store.saveCode(new IssuedCode(code, session.clientId(), "http://127.0.0.1:3000/callback", "challenge",
                session.resource(), session.grant(), Instant.now().plusSeconds(300), null));
        if (!store.redeemCode(code, session)) {
            throw new AssertionError("the code for " + session.sessionId() + " was redeemed already");
        }
    }
}
