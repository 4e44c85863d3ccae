package io.mxcp.cli.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two ways the admin API writes an instant (spec 03 reference §4). */
final class UtcTime {

    private UtcTime() {
    }

    /** ISO-8601 in UTC with {@code Z}: the server's own timestamps. */
    static String zulu(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** ISO-8601 in UTC with {@code +00:00}, as Python's {@code isoformat()} writes the audit timestamps. */
    static String offset(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)) + "+00:00";
    }
}
