package io.mxcp.kernel.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

/**
 * What a caught process signal does. HANGUP goes to the registered {@link ProcessSignalHandler}s; one that none
 * takes is offered to the next handler registered ({@link #handlerAdded}), as the command that reacts to it (a
 * server) registers its handler only once it runs.
 * The first TERMINATE or INTERRUPT goes to the handlers (a server drains and its command returns) or, when none
 * takes it, stops the process itself; either way the process must then end within the stop limit, or it is ended at once.
 * A second TERMINATE or INTERRUPT ends it at once: the operator's "stop now" (a second Ctrl-C during a drain).
 */
final class SignalDispatcher {

    private static final System.Logger LOG = System.getLogger(SignalDispatcher.class.getName());

    /** What the dispatcher asks of the process. */
    interface ProcessControl {

        /** Stops the framework and ends the process with {@code exitCode}; returns at once (the stop runs on). */
        void stop(int exitCode);

        /** Ends the process now, without waiting for anything, after telling the operator {@code reason}. */
        void halt(int exitCode, String reason);
    }

    private final Supplier<List<ProcessSignalHandler>> handlers;
    private final ProcessControl process;
    private final Duration stopLimit;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** A HANGUP no handler took yet; guarded by this. */
    private boolean hangupUntaken;

    SignalDispatcher(Supplier<List<ProcessSignalHandler>> handlers, ProcessControl process, Duration stopLimit) {
        this.handlers = handlers;
        this.process = process;
        this.stopLimit = stopLimit;
    }

    /** The exit code shells use for a process ended by this signal: 128 + the signal's number. */
    static int exitCode(ProcessSignal signal) {
        return switch (signal) {
            case HANGUP -> 129;
            case INTERRUPT -> 130;
            case TERMINATE -> 143;
        };
    }

    static String posixName(ProcessSignal signal) {
        return switch (signal) {
            case HANGUP -> "SIGHUP";
            case INTERRUPT -> "SIGINT";
            case TERMINATE -> "SIGTERM";
        };
    }

    void dispatch(ProcessSignal signal) {
        if (signal == ProcessSignal.HANGUP) {
            boolean untaken;
            synchronized (this) {
                untaken = !forward(signal);
                hangupUntaken = untaken;
            }
            if (untaken) {
                LOG.log(System.Logger.Level.DEBUG, "SIGHUP held: no running command reacts to it yet");
            }
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            process.halt(exitCode(signal), "second " + posixName(signal) + " while stopping: exiting now");
            return;
        }
        startStopLimit(signal);
        if (!forward(signal)) {
            // no command reacts to it yet (a server still starting): said, as a server says it once it runs
            LOG.log(System.Logger.Level.INFO, posixName(signal) + " received: stopping");
            process.stop(exitCode(signal));
        }
    }

    /** A handler was registered: it is offered the HANGUP none took, if there is one. */
    synchronized void handlerAdded(ProcessSignalHandler handler) {
        if (hangupUntaken && takes(handler, ProcessSignal.HANGUP)) {
            hangupUntaken = false;
            LOG.log(System.Logger.Level.INFO, "A SIGHUP received while the command was starting was handed to it now");
        }
    }

    /** Calls every handler; returns whether any took the signal. */
    private boolean forward(ProcessSignal signal) {
        boolean taken = false;
        for (ProcessSignalHandler handler : handlers.get()) {
            taken |= takes(handler, signal);
        }
        return taken;
    }

    /** Whether the handler took the signal; one that fails has not, and does not keep the others from it. */
    private static boolean takes(ProcessSignalHandler handler, ProcessSignal signal) {
        try {
            return handler.handle(signal);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Handling " + posixName(signal) + " failed: " + e, e);
            return false;
        }
    }

    /** A daemon thread: it does not keep the process alive, and ends it if the stop overruns. */
    private void startStopLimit(ProcessSignal signal) {
        Thread.ofPlatform().daemon().name("mxcp-stop-limit").start(() -> {
            try {
                Thread.sleep(stopLimit);
            } catch (InterruptedException e) {
                return;
            }
            process.halt(exitCode(signal), "still stopping " + stopLimit.toSeconds() + " s after "
                    + posixName(signal) + ": exiting now");
        });
    }
}
