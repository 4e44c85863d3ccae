package io.mxcp.cli.admin;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When an admin connection is closed if its client has not sent its request, or not read the answer, by then. The
 * time a route takes to answer does not count: a client that waits is no idle one, and a route reading a long audit
 * log may take longer than the limit ({@code /audit/stats} over a hundred thousand records).
 */
final class ConnectionDeadline {
    private final ScheduledExecutorService scheduler;
    private final Runnable closeConnection;
    private final Duration limit;
    private ScheduledFuture<?> pending;

    ConnectionDeadline(ScheduledExecutorService scheduler, Runnable closeConnection, Duration limit) {
        this.scheduler = scheduler;
        this.closeConnection = closeConnection;
        this.limit = limit;
    }

    /** Starts the limit anew: the connection is closed once it passed. */
    synchronized void start() {
        stop();
        pending = scheduler.schedule(closeConnection, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Holds the limit while the server works on the answer. */
    synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
