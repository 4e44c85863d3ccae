package io.mxcp.mcp.internal.http;

import java.util.Set;
import java.util.function.Supplier;

import org.xnio.management.XnioServerMXBean;

/**
 * Tells the operator when the server stops accepting connections at its limit, and when it accepts again: XNIO pauses
 * silently, and the clients then wait in the system's backlog (or time out) with nothing in the log to say why.
 * Polled: XNIO has no hook for the pause, but counts the connections it holds.
 */
final class ConnectionCapWatch implements Runnable {
    private static final System.Logger LOG = System.getLogger(ConnectionCapWatch.class.getName());

    private final Supplier<Set<XnioServerMXBean>> listeners;
    /** Read and written on the one thread that runs the watch. */
    private boolean paused;

    /** @param listeners the listening sockets of the server's XNIO worker */
    ConnectionCapWatch(Supplier<Set<XnioServerMXBean>> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void run() {
        int open = 0;
        boolean atLimit = false;
        boolean belowResume = true;
        for (XnioServerMXBean listener : listeners.get()) {
            int count = listener.getConnectionCount();
            open += count;
            atLimit |= count >= listener.getConnectionLimitHighWater();
            belowResume &= count < listener.getConnectionLimitLowWater();
        }
        if (!paused && atLimit) {
            paused = true;
            LOG.log(System.Logger.Level.WARNING, "HTTP connection limit reached (" + open + " open): new connections "
                    + "wait until some end; the limit follows the process's file descriptor limit (ulimit -n)");
        } else if (paused && belowResume) {
            paused = false;
            LOG.log(System.Logger.Level.INFO, "HTTP connections below the limit again (" + open + " open): accepting");
        }
    }
}
