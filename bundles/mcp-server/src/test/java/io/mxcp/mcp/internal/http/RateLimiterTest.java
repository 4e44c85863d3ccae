package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.api.HttpServerOptions.RateLimit;

/** The token bucket per client: bursts, refill, waits, and memory bounded under many clients. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(new RateLimit(60, 3), now::get);

    @Test
    void aBurstPassesThenTheRateHoldsPerClient() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.take("10.0.0.1"));
        }
        assertEquals(1, limiter.take("10.0.0.1"), "60 a minute: the next token in a second");
        assertEquals(0, limiter.take("10.0.0.2"), "another client has its own bucket");
        now.addAndGet(1_000_000_000L);
        assertEquals(0, limiter.take("10.0.0.1"));
        assertEquals(1, limiter.take("10.0.0.1"));
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.take("10.0.0.1"), "refilled to the burst, not beyond");
        }
        assertEquals(1, limiter.take("10.0.0.1"));
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter hourly = new RateLimiter(new RateLimit(1, 1), now::get);
        assertEquals(0, hourly.take("a"));
        assertEquals(60, hourly.take("a"));
    }

    @Test
    void theLeastRecentClientsAreForgottenBeyondTheBound() {
        for (int i = 0; i < 3; i++) {
            limiter.take("first");
        }
        for (int i = 0; i < RateLimiter.MAX_CLIENTS; i++) {
            limiter.take("client-" + i);
        }
        assertEquals(0, limiter.take("first"), "forgotten: a full bucket again");
    }
}
