package io.mxcp.kernel.graal;

import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

/**
 * A Truffle instrument, because only the Truffle side can reach one thread: it submits a thread-local action to
 * the thread, which Truffle performs at the thread's next safepoint (also inside an interruptible blocking wait);
 * the action throws, so the guest code unwinds there. Registered by {@link ThreadInterruptInstrumentProvider}.
 */
final class ThreadInterruptInstrument extends TruffleInstrument {

    static final String ID = "mxcp-thread-interrupt";

    /** What the interrupted guest code sees: a foreign exception carrying the message. */
    static final class GuestCallInterrupted extends AbstractTruffleException {
        private static final long serialVersionUID = 1L;

        GuestCallInterrupted(String message) {
            super(message);
        }
    }

    @Override
    protected void onCreate(Env env) {
        env.registerService((ThreadInterrupts) () -> {
            TruffleContext context = env.getEnteredContext();
            if (context == null) {
                throw new IllegalStateException("The current thread has entered no context of this engine");
            }
            Thread thread = Thread.currentThread();
            return (stillWanted, message) -> submit(env, context, thread, stillWanted, message);
        });
    }

    private static Future<?> submit(Env env, TruffleContext context, Thread thread, BooleanSupplier stillWanted,
            String message) {
        return env.submitThreadLocal(context, new Thread[] {thread}, new ThreadLocalAction(true, false) {
            @Override
            protected void perform(Access access) {
                if (stillWanted.getAsBoolean()) {
                    // Truffle may have interrupted the thread to reach it in a blocking wait, and GraalPy's sleep
                    // keeps that flag set: cleared, so the guest's cleanup (a file written in a finally) still works
                    Thread.interrupted();
                    throw new GuestCallInterrupted(message);
                }
            }
        });
    }
}
