package io.mxcp.audit.sqlite;

import java.time.Instant;

/**
 * Timestamps as the database keeps them: whole microseconds since the epoch, the precision a record's JSON line
 * keeps, so that comparing columns agrees with comparing the records read back.
 */
final class EpochMicros {

    private static final long PER_SECOND = 1_000_000;

    private EpochMicros() {
    }

    /** The microsecond the instant falls in. */
    static long floor(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
    }

    /** The first microsecond not before the instant. */
    static long ceiling(Instant instant) {
        return floor(instant) + (instant.getNano() % 1_000 == 0 ? 0 : 1);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000);
    }
}
