package io.mxcp.mcp.internal.protocol;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Holds endpoint calls back while a reload swaps the project (spec 03 §5). Closing the gate makes calls that
 * arrive wait until it opens again (each at most the wait limit) and waits for the calls inside to leave. The open
 * path costs a volatile read and two atomic updates per call.
 */
final class ReloadGate {
    static final String STILL_RELOADING =
            "Service is reloading and taking longer than expected. Please retry in a few seconds.";

    private static final long ABANDON_CHECK_MILLIS = 100;

    private final long waitLimitNanos;
    private final AtomicInteger inside = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private final Condition emptied = lock.newCondition();
    private volatile boolean closed;

    ReloadGate(long waitLimit, TimeUnit unit) {
        this.waitLimitNanos = unit.toNanos(waitLimit);
    }

    /**
     * Lets a call in, waiting while the gate is closed. Every call let in must {@link #leave()}.
     *
     * @return false when the gate stayed closed for the whole wait limit (or the waiting thread was interrupted)
     */
    boolean enter() {
        return enter(() -> false);
    }

    /**
     * As {@link #enter()}, for a call its client may cancel while it waits: asked every {@value #ABANDON_CHECK_MILLIS}
     * ms of waiting, a cancelled call gives up (false) rather than run once the reload is over.
     */
    boolean enter(BooleanSupplier abandoned) {
        long deadline = 0;
        while (true) {
            if (closed) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + waitLimitNanos;
                }
                if (!awaitOpen(deadline, abandoned)) {
                    return false;
                }
            }
            inside.incrementAndGet();
            // re-checked after counting in: a reload that closed the gate meanwhile either saw this call or sees it leave
            if (!closed) {
                return true;
            }
            leave();
        }
    }

    /** The calls inside now: let in and not yet left. */
    int inside() {
        return inside.get();
    }

    void leave() {
        if (inside.decrementAndGet() == 0 && closed) {
            lock.lock();
            try {
                emptied.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Closes the gate and waits until no call is inside, at most {@code limit}.
     *
     * @return the calls still inside when the wait ended (0 when drained)
     */
    int close(long limit, TimeUnit unit) {
        lock.lock();
        try {
            closed = true;
            long nanos = unit.toNanos(limit);
            while (inside.get() > 0 && nanos > 0) {
                nanos = emptied.awaitNanos(nanos);
            }
            return inside.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inside.get();
        } finally {
            lock.unlock();
        }
    }

    /** Opens the gate and lets the waiting calls in. */
    void open() {
        lock.lock();
        try {
            closed = false;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitOpen(long deadline, BooleanSupplier abandoned) {
        lock.lock();
        try {
            while (closed) {
                long nanos = deadline - System.nanoTime();
                if (nanos <= 0 || abandoned.getAsBoolean()) {
                    return false;
                }
                opened.awaitNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(ABANDON_CHECK_MILLIS)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
