package io.mxcp.kernel.logging;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends every log record of the process (System.Logger, java.util.logging, jboss-logging's fallback) to standard
 * error, one line each. Standard output belongs to command results and the stdio protocol.
 */
public final class KernelLogging {

    /** Held so the level set on it survives: java.util.logging keeps loggers only weakly. */
    private static final Logger JDK_RUNTIME = Logger.getLogger("java.lang.Runtime");

    private KernelLogging() {
    }

    public static void install(PrintStream stderr, boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler handler = new StreamHandler(stderr, new StderrLogFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(debug ? Level.FINE : Level.WARNING);
        // the JDK logs every System.exit with a stack trace at debug level
        JDK_RUNTIME.setLevel(Level.INFO);
    }
}
