package io.mxcp.cli.command;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running server logs what operators need to see (plugins deployed or refused, listeners) at INFO; short
 * commands stay at WARNING. The HTTP stack's own INFO banners (XNIO versions) stay hidden.
 */
final class ServerLogging {

    // java.util.logging holds loggers weakly: keep the ones whose level is set
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger XNIO = Logger.getLogger("org.xnio");
    private static final Logger UNDERTOW = Logger.getLogger("io.undertow");

    private ServerLogging() {
    }

    static void forServer(boolean debug) {
        if (!debug) {
            ROOT.setLevel(Level.INFO);
        }
        XNIO.setLevel(Level.WARNING);
        UNDERTOW.setLevel(debug ? Level.FINE : Level.WARNING);
    }
}
