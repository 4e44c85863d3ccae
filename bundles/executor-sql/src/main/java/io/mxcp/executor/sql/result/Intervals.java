package io.mxcp.executor.sql.result;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads DuckDB's text form of an INTERVAL ({@code 1 year 2 months 3 days 04:05:06.789}, {@code -01:30:00})
 * into a {@link Duration}, counting a month as 30 days as the Python reference (via pandas) does.
 */
public final class Intervals {

    private Intervals() {
    }

    public static Duration parse(String text) {
        Duration total = Duration.ZERO;
        String[] tokens = text.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.contains(":")) {
                total = total.plus(time(token));
            } else if (i + 1 < tokens.length) {
                long amount = Long.parseLong(token);
                total = total.plus(unit(tokens[++i], amount, text));
            } else {
                throw new IllegalArgumentException("Unrecognised INTERVAL value: " + text);
            }
        }
        return total;
    }

    private static Duration unit(String unit, long amount, String text) {
        String singular = unit.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        return switch (singular) {
            case "year" -> Duration.ofDays(amount * 360);
            case "mon", "month" -> Duration.ofDays(amount * 30);
            case "day" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Unrecognised INTERVAL value: " + text);
        };
    }

    private static Duration time(String token) {
        boolean negative = token.startsWith("-");
        String[] parts = (negative ? token.substring(1) : token).split(":");
        Duration duration = Duration.ofHours(Long.parseLong(parts[0]))
                .plusMinutes(Long.parseLong(parts[1]));
        if (parts.length > 2) {
            String[] seconds = parts[2].split("\\.");
            duration = duration.plusSeconds(Long.parseLong(seconds[0]));
            if (seconds.length > 1) {
                String fraction = (seconds[1] + "000000000").substring(0, 9);
                duration = duration.plusNanos(Long.parseLong(fraction));
            }
        }
        return negative ? duration.negated() : duration;
    }
}
