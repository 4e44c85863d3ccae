package io.mxcp.executor.sql.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void readsDuckDbIntervalText() {
        assertEquals(Duration.ofMinutes(90), Intervals.parse("01:30:00"));
        assertEquals(Duration.ofDays(30 + 2).plusHours(3), Intervals.parse("1 month 2 days 03:00:00"));
        assertEquals(Duration.ofDays(360 * 2 + 1), Intervals.parse("2 years 1 day"));
        assertEquals(Duration.ofSeconds(-5, -500_000_000), Intervals.parse("-00:00:05.5"));
        assertEquals(Duration.ofDays(-3), Intervals.parse("-3 days"));
    }
}
