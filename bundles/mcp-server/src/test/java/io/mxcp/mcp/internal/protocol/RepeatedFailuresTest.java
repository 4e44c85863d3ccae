package io.mxcp.mcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private final AtomicLong now = new AtomicLong();
    private final RepeatedFailures repeated = new RepeatedFailures(now::get);

    private void after(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void aFailureIsLoggedOnceAMinuteWithHowManyWereLeftOut() {
        assertEquals("", repeated.admit("tools/call greet", "not installed"));
        after(1);
        assertNull(repeated.admit("tools/call greet", "not installed"));
        assertNull(repeated.admit("tools/call greet", "not installed"));
        assertEquals("", repeated.admit("tools/call greet", "another message"), "another failure has its own line");
        assertEquals("", repeated.admit("tools/call other", "not installed"), "and another endpoint's");

        after(60);
        assertEquals(" (and 2 more like it in the last 61 s)", repeated.admit("tools/call greet", "not installed"));
        after(61);
        assertEquals("", repeated.admit("tools/call greet", "not installed"), "none was left out in that minute");
    }
}
