package io.mxcp.kernel.logging;

import java.util.function.BiConsumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.FormatterLogger;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The framework's OSGi {@code LoggerFactory} (Log Service 1.4+), one per bundle that asks. The Declarative Services
 * runtime finds it and logs through it instead of printing its messages and whole stack traces to standard error;
 * plugins may use it too. A logger writes to the System.Logger of its name (its bundle's name when it has none); one
 * asked for on behalf of another bundle — the Declarative Services runtime logs for each component's bundle, naming
 * the logger after the component — writes to the asking bundle's, so its lines show {@code [scr]} and the message
 * names the component. A line that repeats the one before it at once is written once ({@link RepeatedLines}).
 */
public final class OsgiLoggers implements LoggerFactory {

    private final Bundle bundle;
    private final BiConsumer<Bundle, String> errors;
    private final RepeatedLines written;

    private OsgiLoggers(Bundle bundle, BiConsumer<Bundle, String> errors, RepeatedLines written) {
        this.bundle = bundle;
        this.errors = errors;
        this.written = written;
    }

    /**
     * Registered as a service factory, so each bundle's unnamed loggers carry its name.
     *
     * @param errors told each error logged, with the bundle it was logged for (a component's, for the Declarative
     *               Services runtime: why the component cannot be created)
     */
    public static ServiceFactory<LoggerFactory> serviceFactory(BiConsumer<Bundle, String> errors) {
        RepeatedLines written = new RepeatedLines();
        return new ServiceFactory<>() {
            @Override
            public LoggerFactory getService(Bundle asking, ServiceRegistration<LoggerFactory> registration) {
                return new OsgiLoggers(asking, errors, written);
            }

            @Override
            public void ungetService(Bundle asking, ServiceRegistration<LoggerFactory> registration,
                    LoggerFactory service) {
                // nothing held
            }
        };
    }

    @Override
    public Logger getLogger(String name) {
        return getLogger(name, Logger.class);
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return getLogger(clazz.getName(), Logger.class);
    }

    @Override
    public <L extends Logger> L getLogger(String name, Class<L> loggerType) {
        return getLogger(bundle, name, loggerType);
    }

    @Override
    public <L extends Logger> L getLogger(Class<?> clazz, Class<L> loggerType) {
        return getLogger(bundle, clazz.getName(), loggerType);
    }

    @Override
    public <L extends Logger> L getLogger(Bundle owner, String name, Class<L> loggerType) {
        if (loggerType != Logger.class && loggerType != FormatterLogger.class) {
            throw new IllegalArgumentException("No logger of type " + loggerType.getName()
                    + ": Logger and FormatterLogger are provided");
        }
        Bundle of = owner != null ? owner : bundle;
        String named = name == null || name.isBlank() || name.equals(Logger.ROOT_LOGGER_NAME) ? nameOf(of) : name;
        String target = of != bundle && bundle != null ? nameOf(bundle) : named;
        boolean printfStyle = loggerType == FormatterLogger.class;
        return loggerType.cast(OsgiLogger.create(named, printfStyle, System.getLogger(target),
                error -> errors.accept(of, error), written));
    }

    private static String nameOf(Bundle bundle) {
        return bundle == null || bundle.getSymbolicName() == null ? Logger.ROOT_LOGGER_NAME : bundle.getSymbolicName();
    }
}
