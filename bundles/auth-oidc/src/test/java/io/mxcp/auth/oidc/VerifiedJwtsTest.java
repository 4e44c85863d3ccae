package io.mxcp.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.UserContext;

class VerifiedJwtsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final UserContext ALICE = new UserContext("a", "alice", null, null, null, "oidc", List.of(), null,
            Map.of());

    private static VerifiedJwts at(Instant instant) {
        return new VerifiedJwts(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aCheckedTokenIsKnownUntilItExpires() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedJwts verified = new VerifiedJwts(clock);
        verified.remember("token", ALICE, NOW.getEpochSecond() + 60);
        assertEquals(ALICE, verified.user("token"));
        clock.now = NOW.plusSeconds(59);
        assertEquals(ALICE, verified.user("token"));
        clock.now = NOW.plusSeconds(60);
        assertNull(verified.user("token"), "checked again once expired");
        assertNull(verified.user("other"));
    }

    @Test
    void aTokenWithoutNumericExpiryIsNotRemembered() {
        VerifiedJwts verified = at(NOW);
        verified.remember("token", ALICE, "soon");
        assertNull(verified.user("token"));
    }

    @Test
    void aFullCacheLetsExpiredEntriesGoFirst() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedJwts verified = new VerifiedJwts(clock);
        verified.remember("long-lived", ALICE, NOW.getEpochSecond() + 3600);
        for (int i = 1; i < VerifiedJwts.CAPACITY; i++) {
            verified.remember("short-" + i, ALICE, NOW.getEpochSecond() + 10);
        }
        clock.now = NOW.plusSeconds(20);
        verified.remember("new", ALICE, NOW.getEpochSecond() + 3600);
        assertEquals(ALICE, verified.user("long-lived"), "still valid, kept");
        assertEquals(ALICE, verified.user("new"));
    }

    /** A clock a test moves. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
