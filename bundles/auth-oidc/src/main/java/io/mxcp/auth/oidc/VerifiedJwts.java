package io.mxcp.auth.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mxcp.sdk.auth.UserContext;

/**
 * JWTs already checked, with their users, until they expire: a client sends the same token with every request, and
 * checking its signature and claims each time cost more than the rest of a call (docs/performance.md,
 * "Authentication on the call path"). A signed JWT cannot be revoked, so what was valid stays valid until {@code exp}
 * (the clock skew is not granted twice: a cached entry ends at {@code exp} exactly). Bounded: when full, expired
 * entries go, and if that is not enough, all of them (they are checked again on their next use).
 */
final class VerifiedJwts {
    static final int CAPACITY = 10_000;

    private record Verified(UserContext user, long expiresAtSecond) {
    }

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedJwts(Clock clock) {
        this.clock = clock;
    }

    /** The user of a token checked before and not expired since, or null. */
    UserContext user(String token) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (clock.millis() / 1000 >= verified.expiresAtSecond()) {
            byToken.remove(token, verified);
            return null;
        }
        return verified.user();
    }

    /** Remembers a token that passed its checks; one without a numeric {@code exp} is not remembered. */
    void remember(String token, UserContext user, Object exp) {
        if (!(exp instanceof Number expiresAt)) {
            return;
        }
        if (byToken.size() >= CAPACITY) {
            long now = clock.millis() / 1000;
            byToken.values().removeIf(entry -> now >= entry.expiresAtSecond());
            if (byToken.size() >= CAPACITY) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(user, expiresAt.longValue()));
    }
}
