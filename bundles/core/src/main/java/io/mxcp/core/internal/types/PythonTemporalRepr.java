package io.mxcp.core.internal.types;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code repr()} of the {@code datetime} module's values, as a list or map shows them inside a message
 * ({@code datetime.datetime(2024, 1, 15, 10, 0)}); a value on its own is printed with {@code str()} instead.
 */
final class PythonTemporalRepr {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private PythonTemporalRepr() {
    }

    /** The repr of a temporal value, or null for any other value. */
    static String of(Object value) {
        return switch (value) {
            case LocalDate d -> "datetime.date(" + date(d) + ")";
            case LocalDateTime dt -> "datetime.datetime(" + date(dt.toLocalDate()) + ", " + time(dt.toLocalTime()) + ")";
            case OffsetDateTime odt -> "datetime.datetime(" + date(odt.toLocalDate()) + ", " + time(odt.toLocalTime())
                    + ", tzinfo=" + zone(odt.getOffset()) + ")";
            case LocalTime t -> "datetime.time(" + time(t) + ")";
            case Duration d -> timedelta(d.toSeconds() * 1_000_000 + d.toNanosPart() / 1_000);
            default -> null;
        };
    }

    private static String date(LocalDate d) {
        return d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth();
    }

    /** Hour and minute always; seconds when they or the microseconds are not 0; microseconds when not 0. */
    private static String time(LocalTime t) {
        List<Integer> fields = new ArrayList<>(List.of(t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000));
        for (int i = 0; i < 2 && fields.getLast() == 0; i++) {
            fields.removeLast();
        }
        return String.join(", ", fields.stream().map(String::valueOf).toList());
    }

    private static String zone(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "datetime.timezone.utc"
                : "datetime.timezone(" + timedelta(offset.getTotalSeconds() * 1_000_000L) + ")";
    }

    /** Days (possibly negative), then seconds and microseconds of the day, each shown only when not 0. */
    private static String timedelta(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long rest = Math.floorMod(micros, MICROS_PER_DAY);
        List<String> fields = new ArrayList<>();
        if (days != 0) {
            fields.add("days=" + days);
        }
        if (rest / 1_000_000 != 0) {
            fields.add("seconds=" + rest / 1_000_000);
        }
        if (rest % 1_000_000 != 0) {
            fields.add("microseconds=" + rest % 1_000_000);
        }
        return "datetime.timedelta(" + (fields.isEmpty() ? "0" : String.join(", ", fields)) + ")";
    }
}
