package io.mxcp.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The text of each warning (and anything worse) a class logs while this is open. */
public final class WarningLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private WarningLog(Logger logger) {
        this.logger = logger;
    }

    public static WarningLog of(Class<?> source) {
        return of(source.getName());
    }

    /** For a class this package cannot see. */
    public static WarningLog of(String className) {
        WarningLog log = new WarningLog(Logger.getLogger(className));
        log.logger.addHandler(log);
        return log;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(new SimpleFormatter().formatMessage(record));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
