package io.mxcp.kernel.launch;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Routes the Felix framework's own log (which would go to standard output) into the kernel's logging. */
final class FelixLogBridge extends Logger {

    private static final System.Logger LOG = System.getLogger("org.apache.felix.framework");

    /** Set once a signal stops the framework under a running command. */
    private volatile boolean stoppedUnderCommand;

    FelixLogBridge(boolean debug) {
        // Felix's debug level is a dump of every resolver wire: too much even for --debug
        setLogLevel(debug ? LOG_INFO : LOG_WARNING);
    }

    /**
     * From now on the framework's complaints are the stop's own doing (a class the command still loads from a bundle
     * jar the stop closed): for --debug, not errors of the process, which ends with the signal's exit code.
     */
    void stoppedUnderCommand() {
        stoppedUnderCommand = true;
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

    private System.Logger.Level toLevel(int felixLevel) {
        if (stoppedUnderCommand) {
            return System.Logger.Level.DEBUG;
        }
        return switch (felixLevel) {
            case LOG_ERROR -> System.Logger.Level.ERROR;
            case LOG_WARNING -> System.Logger.Level.WARNING;
            case LOG_INFO -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
    }
}
