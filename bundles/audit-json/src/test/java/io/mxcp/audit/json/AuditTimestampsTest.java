package io.mxcp.audit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditTimestampsTest {

    @Test
    void writesUtcWithZToTheMicrosecond() {
        assertEquals("2026-01-15T10:30:45.123456Z", format("2026-01-15T10:30:45.123456Z"));
        assertEquals("2026-01-15T10:30:45.123400Z", format("2026-01-15T10:30:45.1234Z"));
        assertEquals("2026-01-15T10:30:45.000001Z", format("2026-01-15T10:30:45.000001Z"));
        assertEquals("2026-01-15T10:30:45.123456Z", format("2026-01-15T12:30:45.123456+02:00"));
    }

    @Test
    void leavesOutAZeroFraction() {
        assertEquals("2026-01-15T10:30:45Z", format("2026-01-15T10:30:45Z"));
        assertEquals("2026-01-15T10:30:45Z", format("2026-01-15T10:30:45.000000999Z"));
    }

    @Test
    void truncatesNanosecondsRatherThanRounding() {
        assertEquals("2026-01-15T10:30:45.999999Z", format("2026-01-15T10:30:45.999999999Z"));
    }

    @Test
    void readsZAnyOffsetOrNoneAsUtc() {
        Instant expected = Instant.parse("2026-01-15T10:30:45.123456Z");
        assertEquals(expected, AuditTimestamps.parse("2026-01-15T10:30:45.123456Z"));
        assertEquals(expected, AuditTimestamps.parse("2026-01-15T10:30:45.123456+00:00"));
        assertEquals(expected, AuditTimestamps.parse("2026-01-15T12:30:45.123456+02:00"));
        assertEquals(expected, AuditTimestamps.parse("2026-01-15T10:30:45.123456"));
        assertEquals(expected, AuditTimestamps.parse("2026-01-15T10:30:45.123456789Z"));
    }

    private static String format(String instant) {
        return AuditTimestamps.format(Instant.parse(instant));
    }
}
