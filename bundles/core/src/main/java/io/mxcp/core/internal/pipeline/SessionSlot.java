package io.mxcp.core.internal.pipeline;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * One project's session with one executor service: opened on first use or ahead of it (a replacement executor
 * warming up while the one it replaces still serves), counted while calls run on it, and closed only after those
 * calls end (bounded wait) once the executor is retired.
 */
final class SessionSlot {

    private static final System.Logger LOG = System.getLogger(SessionSlot.class.getName());
    private static final long DRAIN_MILLIS = 2000;

    private final EndpointExecutor executor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean warming = new AtomicBoolean();
    /** Guards waiting: for calls to drain, for a session being opened ahead of use. */
    private final Object lock = new Object();
    /** Held while the session is opened or closed, which can take seconds (a Python interpreter starting). */
    private final Object openLock = new Object();
    /** Held while the slot is retired, so every caller of {@link #retire()} returns after the session is closed. */
    private final Object retireLock = new Object();
    private volatile boolean retired;
    /** Whether the last attempt to open, ahead of use, failed (the slot then opens on use, failing the call). */
    private volatile boolean warmUpFailed;
    private volatile ExecutorSession session;

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

    /** Whether the session is open and the slot takes calls. */
    boolean isOpen() {
        return session != null && !retired;
    }

    /** The session, opening it on first use. Call between {@link #enter()} and {@link #leave()}. */
    ExecutorSession session(ProjectRuntime runtime) throws EndpointExecutionException {
        ExecutorSession open = session;
        if (open != null) {
            return open;
        }
        synchronized (openLock) {
            if (session == null) {
                ExecutorSession opened = executor.open(runtime);
                synchronized (lock) {
                    session = opened;
                    lock.notifyAll();
                }
            }
            return session;
        }
    }

    /**
     * Opens the session on a thread of its own, once, then runs {@code whenOpen}; a failure is logged and left for
     * the first call to meet again.
     */
    void warmUp(ProjectRuntime runtime, Runnable whenOpen) {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("mxcp-" + executor.language() + "-session-warm-up").start(() -> {
            if (!enter()) {
                return;
            }
            try {
                session(runtime);
                whenOpen.run();
            } catch (EndpointExecutionException | RuntimeException e) {
                warmUpFailed = true;
                LOG.log(Level.WARNING, "Opening a session of the new " + executor.language()
                        + " executor failed; the executor it replaces keeps serving until it goes", e);
            } finally {
                leave();
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        });
    }

    /** Waits (bounded) until the session is open or opening it ahead of use failed; true if it is open. */
    boolean awaitOpen(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (session == null && !warmUpFailed && !retired) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                try {
                    lock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return session != null;
        }
    }

    /**
     * Refuses new calls, waits (bounded) for the ones in flight, then closes the session. A second caller (the
     * executor's removal while a successor's warm-up retires it) returns only once the first has closed it.
     */
    void retire() {
        synchronized (retireLock) {
            if (!retired) { // only set here, under this lock: a later caller finds the session closed
                drainAndClose();
            }
        }
    }

    private void drainAndClose() {
        retired = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        synchronized (lock) {
            lock.notifyAll(); // whoever awaits this slot's opening stops waiting
            while (inFlight.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    if (session == null) { // the opening itself counts as a call: a stop while it starts
                        LOG.log(Level.WARNING, "Closing the {0} session while it is still starting",
                                executor.language());
                    } else {
                        LOG.log(Level.WARNING, "Closing the {0} session with {1} call(s) still running",
                                executor.language(), inFlight.get());
                    }
                    break;
                }
                try {
                    lock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (openLock) {
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
