package io.mxcp.kernel.logging;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.stream.Stream;

/**
 * Sends every log record of the process (System.Logger, java.util.logging, jboss-logging's fallback) to standard
 * error, one line each. Standard output belongs to command results and the stdio protocol.
 */
public final class KernelLogging {

    /**
     * The JDK's own loggers stay at INFO under {@code --debug}: at debug level they log every System.exit with a stack
     * trace and every certificate of the trust store as it loads ({@code jdk.event.security}), which buries the
     * server's own debug lines. Held so the levels set on them survive: java.util.logging keeps loggers only weakly.
     */
    private static final List<Logger> JDK_LOGGERS = Stream.of("java", "javax", "jdk", "sun", "com.sun")
            .map(Logger::getLogger).toList();

    /**
     * The Declarative Services runtime (through {@link OsgiLoggers}) shows its errors only, as it does on its own
     * ({@code ds.loglevel} error): its warnings retell an error it logged from the other side (a consumer "could not
     * get service" of a plugin whose component did not load). Under {@code --debug} its warnings too, not its debug
     * lines: a thousand per command, which would bury the server's own.
     */
    private static final Logger DECLARATIVE_SERVICES = Logger.getLogger("org.apache.felix.scr");

    /**
     * Undertow logs each request's matched path at debug level, and every answer of status 500 or more with a stack
     * trace of where the status was set: the server logs its own line per MCP request, and its 503s (a busy server,
     * an identity provider that cannot be reached) are answers it chose and logs itself. Both buried the server's
     * own debug lines.
     */
    private static final Logger UNDERTOW_REQUESTS = Logger.getLogger("io.undertow.request");

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
        JDK_LOGGERS.forEach(logger -> logger.setLevel(debug ? Level.INFO : Level.WARNING));
        DECLARATIVE_SERVICES.setLevel(debug ? Level.WARNING : Level.SEVERE);
        UNDERTOW_REQUESTS.setLevel(Level.INFO);
    }
}
