package io.mxcp.kernel.launch;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Routes the Felix framework's own log (which would go to standard output) into the kernel's logging. */
final class FelixLogBridge extends Logger {

    private static final System.Logger LOG = System.getLogger("org.apache.felix.framework");

    FelixLogBridge(boolean debug) {
        // Felix's debug level is a dump of every resolver wire: too much even for --debug
        setLogLevel(debug ? LOG_INFO : LOG_WARNING);
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        LOG.log(toLevel(level), msg, throwable);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String where = bundle == null ? "" : bundle.getSymbolicName() + ": ";
        LOG.log(toLevel(level), where + msg, throwable);
    }

    private static System.Logger.Level toLevel(int felixLevel) {
        return switch (felixLevel) {
            case LOG_ERROR -> System.Logger.Level.ERROR;
            case LOG_WARNING -> System.Logger.Level.WARNING;
            case LOG_INFO -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
    }
}
