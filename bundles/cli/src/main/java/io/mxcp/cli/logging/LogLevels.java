package io.mxcp.cli.logging;

import java.util.Locale;
import java.util.logging.Level;

/** The user config's level names (Python's) as java.util.logging levels. */
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

    private static final class Critical extends Level {
        private static final long serialVersionUID = 1L;

        Critical() {
            super("CRITICAL", Level.SEVERE.intValue() + 100);
        }
    }
}
