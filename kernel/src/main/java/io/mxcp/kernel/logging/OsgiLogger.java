package io.mxcp.kernel.logging;

import java.lang.System.Logger.Level;

import org.osgi.service.log.FormatterLogger;
import org.osgi.service.log.LoggerConsumer;

/**
 * An OSGi {@code Logger} (or {@code FormatterLogger}) writing to a System.Logger, so that what the Declarative
 * Services runtime and plugins log reads like the rest of the server's log. An exception is shown on the message's
 * line with its causes, and with its stack trace when the process logs at debug level ({@code --debug}).
 */
final class OsgiLogger implements FormatterLogger {

    /** Audit entries are always logged in OSGi; INFO is the level that says "this happened" here. */
    private static final Level AUDIT = Level.INFO;
    /** The root logger: whether the process runs with {@code --debug}, whatever this logger's own level. */
    private static final System.Logger PROCESS = System.getLogger("");

    private final String name;
    private final boolean printfStyle;
    private final System.Logger target;

    /**
     * @param name        the OSGi logger's name
     * @param printfStyle whether it is a {@code FormatterLogger}
     * @param target      where its entries go
     */
    OsgiLogger(String name, boolean printfStyle, System.Logger target) {
        this.name = name;
        this.printfStyle = printfStyle;
        this.target = target;
    }

    @Override
    public String getName() {
        return name;
    }

    private void log(Level level, String format, Object... arguments) {
        if (!target.isLoggable(level)) {
            return;
        }
        OsgiLogMessage message = OsgiLogMessage.of(printfStyle, format, arguments);
        if (message.thrown() == null) {
            target.log(level, message.text());
        } else if (PROCESS.isLoggable(Level.DEBUG)) {
            target.log(level, message.text(), message.thrown());
        } else {
            target.log(level, message.text() + ": " + OsgiLogMessage.summary(message.thrown()));
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isLoggable(Level.TRACE);
    }

    @Override
    public void trace(String message) {
        log(Level.TRACE, message);
    }

    @Override
    public void trace(String format, Object argument) {
        log(Level.TRACE, format, argument);
    }

    @Override
    public void trace(String format, Object first, Object second) {
        log(Level.TRACE, format, first, second);
    }

    @Override
    public void trace(String format, Object... arguments) {
        log(Level.TRACE, format, arguments);
    }

    @Override
    public <E extends Exception> void trace(LoggerConsumer<E> consumer) throws E {
        if (isTraceEnabled()) {
            consumer.accept(this);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isLoggable(Level.DEBUG);
    }

    @Override
    public void debug(String message) {
        log(Level.DEBUG, message);
    }

    @Override
    public void debug(String format, Object argument) {
        log(Level.DEBUG, format, argument);
    }

    @Override
    public void debug(String format, Object first, Object second) {
        log(Level.DEBUG, format, first, second);
    }

    @Override
    public void debug(String format, Object... arguments) {
        log(Level.DEBUG, format, arguments);
    }

    @Override
    public <E extends Exception> void debug(LoggerConsumer<E> consumer) throws E {
        if (isDebugEnabled()) {
            consumer.accept(this);
        }
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isLoggable(Level.INFO);
    }

    @Override
    public void info(String message) {
        log(Level.INFO, message);
    }

    @Override
    public void info(String format, Object argument) {
        log(Level.INFO, format, argument);
    }

    @Override
    public void info(String format, Object first, Object second) {
        log(Level.INFO, format, first, second);
    }

    @Override
    public void info(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }

    @Override
    public <E extends Exception> void info(LoggerConsumer<E> consumer) throws E {
        if (isInfoEnabled()) {
            consumer.accept(this);
        }
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isLoggable(Level.WARNING);
    }

    @Override
    public void warn(String message) {
        log(Level.WARNING, message);
    }

    @Override
    public void warn(String format, Object argument) {
        log(Level.WARNING, format, argument);
    }

    @Override
    public void warn(String format, Object first, Object second) {
        log(Level.WARNING, format, first, second);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    @Override
    public <E extends Exception> void warn(LoggerConsumer<E> consumer) throws E {
        if (isWarnEnabled()) {
            consumer.accept(this);
        }
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isLoggable(Level.ERROR);
    }

    @Override
    public void error(String message) {
        log(Level.ERROR, message);
    }

    @Override
    public void error(String format, Object argument) {
        log(Level.ERROR, format, argument);
    }

    @Override
    public void error(String format, Object first, Object second) {
        log(Level.ERROR, format, first, second);
    }

    @Override
    public void error(String format, Object... arguments) {
        log(Level.ERROR, format, arguments);
    }

    @Override
    public <E extends Exception> void error(LoggerConsumer<E> consumer) throws E {
        if (isErrorEnabled()) {
            consumer.accept(this);
        }
    }

    @Override
    public void audit(String message) {
        log(AUDIT, message);
    }

    @Override
    public void audit(String format, Object argument) {
        log(AUDIT, format, argument);
    }

    @Override
    public void audit(String format, Object first, Object second) {
        log(AUDIT, format, first, second);
    }

    @Override
    public void audit(String format, Object... arguments) {
        log(AUDIT, format, arguments);
    }
}
