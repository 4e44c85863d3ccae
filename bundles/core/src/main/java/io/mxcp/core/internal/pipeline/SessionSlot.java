package io.mxcp.core.internal.pipeline;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * One project's session with one executor service: opened on first use, counted while calls run on it,
 * and closed only after those calls end (bounded wait) once the executor is retired.
 */
final class SessionSlot {

    private static final System.Logger LOG = System.getLogger(SessionSlot.class.getName());
    private static final long DRAIN_MILLIS = 2000;

    private final EndpointExecutor executor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object lock = new Object();
    private volatile boolean retired;
    private ExecutorSession session;

    SessionSlot(EndpointExecutor executor) {
        this.executor = executor;
    }

    /** Counts a call in; false when the slot is retired (the caller then looks up the newest executor again). */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** The session, opening it on first use. Call between {@link #enter()} and {@link #leave()}. */
    ExecutorSession session(ProjectRuntime runtime) throws EndpointExecutionException {
        synchronized (lock) {
            if (session == null) {
                session = executor.open(runtime);
            }
            return session;
        }
    }

    /** Refuses new calls, waits (bounded) for the ones in flight, then closes the session. */
    void retire() {
        retired = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        synchronized (lock) {
            while (inFlight.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    LOG.log(Level.WARNING, "Closing the {0} session with {1} call(s) still running",
                            executor.language(), inFlight.get());
                    break;
                }
                try {
                    lock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (session != null) {
                try {
                    session.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Closing the " + executor.language() + " session failed", e);
                }
                session = null;
            }
        }
    }
}
