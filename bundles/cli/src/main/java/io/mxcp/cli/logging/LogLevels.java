package io.mxcp.cli.logging;

import java.util.Locale;
import java.util.logging.Level;

/** The user config's level names (Python's) and java.util.logging's levels, each way. */
final class LogLevels {

    /** Above {@link Level#SEVERE}, as Python's CRITICAL is above ERROR. */
    static final Level CRITICAL = new Critical();

    private LogLevels() {
    }

    /** @param name DEBUG, INFO, WARNING, ERROR or CRITICAL (the user config's validator allows no other) */
    static Level of(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "ERROR" -> Level.SEVERE;
            case "CRITICAL" -> CRITICAL;
            default -> Level.WARNING;
        };
    }

    /** Python's name of a level, as log lines show it. */
    static String name(Level level) {
        int value = level.intValue();
        if (value >= CRITICAL.intValue()) {
            return "CRITICAL";
        }
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        return value >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    private static final class Critical extends Level {
        private static final long serialVersionUID = 1L;

        Critical() {
            super("CRITICAL", Level.SEVERE.intValue() + 100);
        }
    }
}
