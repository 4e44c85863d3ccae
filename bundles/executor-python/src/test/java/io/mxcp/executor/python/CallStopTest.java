package io.mxcp.executor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.mxcp.kernel.polyglot.GuestThreadInterrupt;
import io.mxcp.sdk.exec.Cancellation;
import io.mxcp.sdk.exec.CancellationSignal;

class CallStopTest {

    /** Records each request to interrupt the call's thread. */
    private static final class GuestThread implements GuestThreadInterrupt {
        final BlockingQueue<BooleanSupplier> requests = new LinkedBlockingQueue<>();

        @Override
        public Future<?> interrupt(BooleanSupplier stillWanted, String message) {
            assertEquals("the call was cancelled", message);
            requests.add(stillWanted);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The signal the test fires, as a transport would. */
    private final Cancellation signal = new Cancellation();
    private final GuestThread thread = new GuestThread();

    @Test
    void aCancelInterruptsTheThreadOfASyncCallWhileTheCallRuns() throws Exception {
        try (CallStop stop = CallStop.watch(signal, () -> thread, () -> false)) {
            assertFalse(stop.cancelled());
            signal.cancel();
            BooleanSupplier wanted = thread.requests.poll(5, TimeUnit.SECONDS);
            assertTrue(stop.cancelled());
            assertTrue(wanted.getAsBoolean(), "the call still runs");
            stop.close();
            assertFalse(wanted.getAsBoolean(), "a request the thread acts on after the call ended does nothing");
        }
    }

    @Test
    void aCancelAfterTheCallEndedDoesNothing() throws Exception {
        try (CallStop stop = CallStop.watch(signal, () -> thread, () -> false)) {
            assertFalse(stop.cancelled());
        }
        signal.cancel();
        assertNull(thread.requests.poll(300, TimeUnit.MILLISECONDS), "the cancel action went with the call");
    }

    @Test
    void theThreadIsInterruptedOnceSoThatCleanupIsNotCutShort() throws Exception {
        try (CallStop stop = CallStop.watch(signal, () -> thread, () -> false)) {
            signal.cancel();
            assertNotNull(thread.requests.poll(5, TimeUnit.SECONDS));
            // the thread raised; its cleanup runs (or it swallowed the exception) and is left alone
            assertNull(thread.requests.poll(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void theThreadIsInterruptedBeforeTheTaskIsCancelled() throws Exception {
        BlockingQueue<String> order = new LinkedBlockingQueue<>();
        try (CallStop stop = CallStop.watch(signal, () -> (wanted, message) -> {
            order.add("interrupt");
            return CompletableFuture.completedFuture(null);
        }, () -> order.add("task"))) {
            signal.cancel();
            assertEquals("interrupt", order.poll(5, TimeUnit.SECONDS), "at once, on the signal's thread");
            assertEquals("task", order.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingTaskCancelIsHarmless() throws Exception {
        try (CallStop stop = CallStop.watch(signal, () -> thread, () -> {
            throw new IllegalStateException("context closed");
        })) {
            signal.cancel();
            assertNotNull(thread.requests.poll(5, TimeUnit.SECONDS));
            assertTrue(stop.cancelled());
        }
    }

    @Test
    void aCallNobodyCanCancelDoesNotAskForTheThread() {
        try (CallStop stop = CallStop.watch(CancellationSignal.never(), () -> {
            throw new AssertionError("no interrupt is prepared for an uncancellable call");
        }, () -> false)) {
            assertFalse(stop.cancelled());
        }
        try (CallStop stop = CallStop.watch(null, () -> {
            throw new AssertionError("nor without a signal");
        }, () -> false)) {
            assertFalse(stop.cancelled());
        }
    }
}
