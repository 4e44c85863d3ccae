package io.mxcp.executor.python;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.mxcp.kernel.polyglot.GuestThreadInterrupt;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Stops one Python call when its caller cancels it (spec 04 §5), leaving the calls other threads run on the same
 * context alone. The call's thread is interrupted: it raises at its next safepoint (a loop iteration, a call, a
 * sleep slice). The request goes out at once, before the SQL executor interrupts a {@code db.execute} under way (it
 * sees the same signal later), so that the exception comes out of {@code db.execute} itself. For an async call, the
 * event loop is then woken by cancelling its task, the interrupt comes out of the loop, and the bridge cancels the
 * task so that the coroutine gets {@code CancelledError}. Once only: cleanup code ({@code finally},
 * {@code except BaseException}) must not be cut short in turn.
 */
final class CallStop implements AutoCloseable {

    static final String CANCELLED = "the call was cancelled";
    private static final System.Logger LOG = System.getLogger(CallStop.class.getName());
    private static final CallStop UNCANCELLABLE = new CallStop();

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AutoCloseable registration;
    private volatile boolean cancelled;

    private CallStop() {
        registration = null;
    }

    private CallStop(CancellationSignal signal, GuestThreadInterrupt interrupt, BooleanSupplier cancelAsync) {
        registration = signal.onCancel(() -> {
            cancelled = true;
            try {
                interrupt.interrupt(running::get, CANCELLED);
            } catch (IllegalStateException contextClosed) {
                return; // the runtime shut down: nothing left to stop
            }
            // a platform thread, since cancelling the task enters the Python context; the signal's thread (an I/O
            // thread, possibly) must not wait for the interpreter
            Thread.ofPlatform().daemon().name("python-call-stop").start(() -> cancelTask(cancelAsync));
        });
    }

    /**
     * Watches the call the current thread is about to make. {@code interrupt} is asked for on this thread, and only
     * when the call can be cancelled at all; {@code cancelAsync} cancels the call's asyncio task, if it runs one.
     */
    static CallStop watch(CancellationSignal signal, Supplier<GuestThreadInterrupt> interrupt, BooleanSupplier cancelAsync) {
        if (signal == null || signal == CancellationSignal.never()) {
            return UNCANCELLABLE;
        }
        return new CallStop(signal, interrupt.get(), cancelAsync);
    }

    boolean cancelled() {
        return cancelled;
    }

    private void cancelTask(BooleanSupplier cancelAsync) {
        if (!running.get()) {
            return;
        }
        try {
            cancelAsync.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cancelling an async Python call failed", e);
        }
    }

    /**
     * The call has returned (runs on the call's thread): nothing is interrupted any more, and the thread's interrupt
     * flag, which the interrupt may leave set, is cleared before the thread serves anything else.
     */
    @Override
    public void close() {
        running.set(false);
        if (registration == null) {
            return;
        }
        try {
            registration.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Removing a cancel action failed", e);
        }
        if (cancelled) {
            Thread.interrupted();
        }
    }
}
