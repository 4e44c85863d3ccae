package io.mxcp.core.internal.drift;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code generated_at} of snapshots and reports: ISO-8601 UTC with microseconds, as the original writes it. */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Timestamps() {
    }

    /** Now, e.g. {@code 2025-01-01T12:00:00.123456+00:00}. */
    public static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(ISO_MICROSECONDS);
    }
}
