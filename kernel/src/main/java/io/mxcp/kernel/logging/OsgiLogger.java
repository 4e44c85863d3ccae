package io.mxcp.kernel.logging;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.log.FormatterLogger;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerConsumer;

/**
 * An OSGi {@code Logger} (or {@code FormatterLogger}) writing to a System.Logger, so that what the Declarative
 * Services runtime and plugins log reads like the rest of the server's log. An exception is shown on the message's
 * line with its causes, and with its stack trace when the process logs at debug level ({@code --debug}).
 *
 * <p>The interface's forty methods are five levels and {@code audit} in the same few shapes, so one handler serves
 * them all by name.
 */
final class OsgiLogger implements InvocationHandler {

    /** Audit entries are always logged in OSGi; INFO is the level that says "this happened" here. */
    private static final Map<String, Level> LEVELS = Map.of("trace", Level.TRACE, "debug", Level.DEBUG, "info",
            Level.INFO, "warn", Level.WARNING, "error", Level.ERROR, "audit", Level.INFO);
    /** The root logger: whether the process runs with {@code --debug}, whatever this logger's own level. */
    private static final System.Logger PROCESS = System.getLogger("");

    private final String name;
    private final boolean printfStyle;
    private final System.Logger target;
    private final Consumer<String> errors;
    private final RepeatedLines written;

    private OsgiLogger(String name, boolean printfStyle, System.Logger target, Consumer<String> errors,
            RepeatedLines written) {
        this.name = name;
        this.printfStyle = printfStyle;
        this.target = target;
        this.errors = errors;
        this.written = written;
    }

    /**
     * @param name        the OSGi logger's name
     * @param printfStyle whether it formats as a {@code FormatterLogger}
     * @param target      where its entries go
     * @param errors      told the line of each error logged
     * @param written     the line written last, by any of the framework's OSGi loggers
     */
    static FormatterLogger create(String name, boolean printfStyle, System.Logger target, Consumer<String> errors,
            RepeatedLines written) {
        return (FormatterLogger) Proxy.newProxyInstance(FormatterLogger.class.getClassLoader(),
                new Class<?>[] {FormatterLogger.class}, new OsgiLogger(name, printfStyle, target, errors, written));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
        String called = method.getName();
        switch (called) {
            case "getName":
                return name;
            case "toString":
                return "OSGi logger " + name + " -> " + target.getName();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        if (called.startsWith("is") && called.endsWith("Enabled")) {
            return target.isLoggable(LEVELS.get(called.substring(2, called.length() - 7).toLowerCase(Locale.ROOT)));
        }
        Level level = LEVELS.get(called);
        if (args[0] instanceof LoggerConsumer<?> consumer) {
            if (target.isLoggable(level)) {
                consumer.accept((Logger) proxy);
            }
            return null;
        }
        if (target.isLoggable(level)) {
            Object[] arguments = method.isVarArgs() ? (Object[]) args[1] : Arrays.copyOfRange(args, 1, args.length);
            log(level, OsgiLogMessage.of(printfStyle, (String) args[0], arguments));
        }
        return null;
    }

    private void log(Level level, OsgiLogMessage message) {
        String line = message.thrown() == null ? message.text()
                : message.text() + ": " + OsgiLogMessage.summary(message.thrown());
        if (level == Level.ERROR) {
            errors.accept(line);
        }
        if (written.repeats(target.getName() + " " + level + " " + line)) {
            return;
        }
        if (message.thrown() != null && PROCESS.isLoggable(Level.DEBUG)) {
            target.log(level, message.text(), message.thrown());
        } else {
            target.log(level, line);
        }
    }
}
