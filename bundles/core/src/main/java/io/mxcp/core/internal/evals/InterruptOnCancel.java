package io.mxcp.core.internal.evals;

import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Interrupts the current thread when a signal cancels while it waits in a blocking call that knows nothing of
 * cancellation but gives up when interrupted (a model's HTTP request: the JDK's client then aborts the exchange), and
 * never after the wait ended. The interrupt it delivered is spent when it closes, so the thread's next wait (a tool's
 * query) is not cut short by it; the cancellation itself stays readable on the signal.
 */
final class InterruptOnCancel implements AutoCloseable {

    private final Thread waiter = Thread.currentThread();
    private final AutoCloseable registration;
    /** Guarded by {@code this}. */
    private boolean waiting = true;
    private boolean interrupted;

    InterruptOnCancel(CancellationSignal signal) {
        registration = signal.onCancel(this::interrupt);
    }

    private synchronized void interrupt() {
        if (waiting) {
            interrupted = true;
            waiter.interrupt();
        }
    }

    @Override
    public void close() {
        boolean spend;
        synchronized (this) {
            waiting = false;
            spend = interrupted;
        }
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot unregister from the cancellation signal", e);
        }
        if (spend) {
            Thread.interrupted();
        }
    }
}
