package io.mxcp.cli.logging;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import io.mxcp.kernel.api.LogRecordText;

/**
 * The original's log file lines: {@code YYYY-MM-DD HH:MM:SS - LEVEL - logger - message} (spec 02 reference §0.5),
 * with Python's level names and the logger's full name, the stack trace after the line when there is one. Unlike the
 * original's, a message is one line with its controls escaped ({@link LogRecordText}): messages quote what callers
 * send, which must not forge records.
 */
final class LogFileFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault()).format(TIME))
                .append(" - ").append(LogLevels.name(record.getLevel()))
                .append(" - ").append(record.getLoggerName() == null ? "root" : record.getLoggerName())
                .append(" - ").append(LogRecordText.message(formatMessage(record))).append(System.lineSeparator());
        if (record.getThrown() != null) {
            line.append(LogRecordText.trace(record.getThrown()));
        }
        return line.toString();
    }
}
