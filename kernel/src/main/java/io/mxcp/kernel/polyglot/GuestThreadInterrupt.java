package io.mxcp.kernel.polyglot;

import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Stops the guest code of one thread, leaving the other threads of its context alone (polyglot's own
 * {@code Context.interrupt} stops them all). The thread raises an exception at its next safepoint: a loop
 * iteration, a call, or a blocking wait such as Python's {@code time.sleep}, but not while it runs host (Java) code.
 * Python sees a {@code ForeignException}, a {@code BaseException} that {@code except Exception} does not catch
 * (like {@code KeyboardInterrupt}); {@code finally} blocks run, and the thread's Java interrupt flag is clear again.
 */
@FunctionalInterface
public interface GuestThreadInterrupt {

    /**
     * Asks the thread to raise, with {@code message}, if {@code stillWanted} (checked on that thread, just before
     * raising) still holds; returns at once.
     *
     * @return done once the thread has acted on the request (raised, or found it no longer wanted); a thread that
     *         has left the context acts on it only when it enters the context again
     * @throws IllegalStateException when the thread's context is closed
     */
    Future<?> interrupt(BooleanSupplier stillWanted, String message);
}
