package io.mxcp.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

class SignalDispatcherTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    /** What the dispatcher asked of the process, in order: {@code stop 143}, {@code halt 130: reason}. */
    private static final class RecordingProcess implements SignalDispatcher.ProcessControl {
        final BlockingQueue<String> actions = new LinkedBlockingQueue<>();

        @Override
        public void stop(int exitCode) {
            actions.add("stop " + exitCode);
        }

        @Override
        public void halt(int exitCode, String reason) {
            actions.add("halt " + exitCode + ": " + reason);
        }

        List<String> taken() {
            List<String> all = new ArrayList<>();
            actions.drainTo(all);
            return all;
        }
    }

    private final RecordingProcess process = new RecordingProcess();
    private final List<ProcessSignalHandler> handlers = new CopyOnWriteArrayList<>();
    private final List<ProcessSignal> received = new CopyOnWriteArrayList<>();

    private SignalDispatcher dispatcher(Duration stopLimit) {
        return new SignalDispatcher(() -> List.copyOf(handlers), process, stopLimit);
    }

    @Test
    void withoutHandlersTerminateAndInterruptStopTheProcessWithTheShellExitCodes() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(SignalDispatcher.class.getName());
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            dispatcher(LONG).dispatch(ProcessSignal.TERMINATE);
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(List.of("stop 143"), process.taken());
        assertEquals(List.of("INFO SIGTERM received: stopping"), logged, "said while no command reacts to it yet");

        dispatcher(LONG).dispatch(ProcessSignal.INTERRUPT);
        assertEquals(List.of("stop 130"), process.taken());
    }

    @Test
    void aHangupNoHandlerTakesDoesNotStopTheProcessAndGoesToTheNextHandlerThatTakesIt() {
        SignalDispatcher dispatcher = dispatcher(LONG);
        dispatcher.dispatch(ProcessSignal.HANGUP);
        dispatcher.dispatch(ProcessSignal.HANGUP);
        assertEquals(List.of(), process.taken());

        ProcessSignalHandler stopsOnly = signal -> signal != ProcessSignal.HANGUP && received.add(signal);
        dispatcher.handlerAdded(stopsOnly);
        ProcessSignalHandler reloads = signal -> signal == ProcessSignal.HANGUP && received.add(signal);
        dispatcher.handlerAdded(reloads);
        dispatcher.handlerAdded(reloads);
        assertEquals(List.of(ProcessSignal.HANGUP), received, "the two held hangups make one, taken once");

        dispatcher.dispatch(ProcessSignal.TERMINATE);
        assertEquals(List.of("stop 143"), process.taken(), "a hangup is not a first stop signal");
    }

    @Test
    void everyHandlerGetsEverySignalAndTheKernelLeavesTheStopToThem() {
        handlers.add(received::add);
        handlers.add(signal -> received.add(signal));
        SignalDispatcher dispatcher = dispatcher(LONG);

        dispatcher.dispatch(ProcessSignal.HANGUP);
        dispatcher.dispatch(ProcessSignal.TERMINATE);

        assertEquals(List.of(ProcessSignal.HANGUP, ProcessSignal.HANGUP, ProcessSignal.TERMINATE,
                ProcessSignal.TERMINATE), received);
        assertEquals(List.of(), process.taken());
    }

    @Test
    void aStopSignalNoHandlerTakesStopsTheProcess() {
        handlers.add(signal -> signal == ProcessSignal.HANGUP && received.add(signal));
        SignalDispatcher dispatcher = dispatcher(LONG);

        dispatcher.dispatch(ProcessSignal.HANGUP);
        dispatcher.dispatch(ProcessSignal.TERMINATE);

        assertEquals(List.of(ProcessSignal.HANGUP), received);
        assertEquals(List.of("stop 143"), process.taken(), "a hangup-only handler does not hold the stop back");
    }

    @Test
    void aFailingHandlerDoesNotKeepTheSignalFromTheOthers() {
        handlers.add(signal -> {
            throw new IllegalStateException("broken handler");
        });
        handlers.add(received::add);

        dispatcher(LONG).dispatch(ProcessSignal.INTERRUPT);

        assertEquals(List.of(ProcessSignal.INTERRUPT), received);
        assertEquals(List.of(), process.taken());
    }

    @Test
    void aSecondStopSignalWhileStoppingEndsTheProcessAtOnce() {
        handlers.add(received::add);
        SignalDispatcher dispatcher = dispatcher(LONG);

        dispatcher.dispatch(ProcessSignal.INTERRUPT);
        dispatcher.dispatch(ProcessSignal.INTERRUPT);

        assertEquals(List.of(ProcessSignal.INTERRUPT), received, "the second one is not forwarded");
        assertEquals(List.of("halt 130: second SIGINT while stopping: exiting now"), process.taken());
    }

    @Test
    void aSecondStopSignalAlsoEndsAStopTheKernelRunsItself() {
        SignalDispatcher dispatcher = dispatcher(LONG);

        dispatcher.dispatch(ProcessSignal.TERMINATE);
        dispatcher.dispatch(ProcessSignal.INTERRUPT);

        assertEquals(List.of("stop 143", "halt 130: second SIGINT while stopping: exiting now"), process.taken());
    }

    @Test
    void aStopThatOverrunsItsLimitEndsTheProcess() throws InterruptedException {
        handlers.add(received::add); // a handler that starts a drain which never finishes
        long start = System.nanoTime();

        dispatcher(Duration.ofSeconds(1)).dispatch(ProcessSignal.TERMINATE);

        String action = process.actions.poll(10, TimeUnit.SECONDS);
        assertEquals("halt 143: still stopping 1 s after SIGTERM: exiting now", action);
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "not before the limit");
    }
}
