package io.mxcp.audit.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The text form of a record's {@code timestamp}: ISO-8601 in UTC with {@code Z}, to the microsecond, the fraction
 * left out when it is zero ({@code 2026-01-15T10:30:45.123456Z}, {@code 2026-01-15T10:30:45Z}).
 */
final class AuditTimestamps {

    private static final DateTimeFormatter WHOLE_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Also reads {@code +00:00} and a missing offset (UTC), which files written by other tools may carry. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private AuditTimestamps() {
    }

    /** The instant truncated to microseconds, the precision a stored record keeps. */
    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String format(Instant instant) {
        Instant stored = truncate(instant);
        return (stored.getNano() == 0 ? WHOLE_SECONDS : MICROSECONDS).format(stored);
    }

    /**
     * The instant the text names, truncated to microseconds.
     *
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 date and time
     */
    static Instant parse(String text) {
        return truncate(OffsetDateTime.parse(text, LENIENT).toInstant());
    }
}
