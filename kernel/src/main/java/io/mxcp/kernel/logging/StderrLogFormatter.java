package io.mxcp.kernel.logging;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import io.mxcp.kernel.api.LogRecordText;

/**
 * One line per record: time, level, short logger name, message (and the stack trace when there is one). A message
 * of several lines (DuckDB's errors end with the statement and a caret under the fault) is folded onto its one line,
 * so that every record starts a line with its time and level, as log shippers and {@code grep} read them, and no
 * caller's text can start one ({@link LogRecordText}).
 */
final class StderrLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128)
                .append(LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault()).format(TIME)).append(' ')
                .append(levelName(record.getLevel())).append(' ')
                .append('[').append(shortName(record.getLoggerName())).append("] ")
                .append(LogRecordText.message(formatMessage(record))).append(System.lineSeparator());
        if (record.getThrown() != null) {
            line.append(LogRecordText.trace(record.getThrown()));
        }
        return line.toString();
    }

    /** The names System.Logger users know, rather than java.util.logging's SEVERE/FINE. */
    private static String levelName(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= java.util.logging.Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /**
     * A class's logger by the class's simple name; any other name whole: cut short, a package's or a Python module's
     * logger ({@code org.apache.felix.scr}, {@code mylib.sub}) would lose what tells it apart.
     */
    static String shortName(String loggerName) {
        if (loggerName == null) {
            return "";
        }
        int dot = loggerName.lastIndexOf('.');
        return dot >= 0 && dot + 1 < loggerName.length() && Character.isUpperCase(loggerName.charAt(dot + 1))
                ? loggerName.substring(dot + 1) : loggerName;
    }
}
