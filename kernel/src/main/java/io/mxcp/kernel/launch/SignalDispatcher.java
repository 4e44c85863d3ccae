package io.mxcp.kernel.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;

/**
 * What a caught process signal does. HANGUP goes to the registered {@link ProcessSignalHandler}s, or nowhere.
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
            if (!forward(signal)) {
                LOG.log(System.Logger.Level.DEBUG, "SIGHUP ignored: no running command reacts to it");
            }
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            process.halt(exitCode(signal), "second " + posixName(signal) + " while stopping: exiting now");
            return;
        }
        startStopLimit(signal);
        if (!forward(signal)) {
            process.stop(exitCode(signal));
        }
    }

    /**
     * Calls every handler; returns whether any took the signal. One failing handler does not keep the others from
     * it, and has not taken it.
     */
    private boolean forward(ProcessSignal signal) {
        boolean taken = false;
        for (ProcessSignalHandler handler : handlers.get()) {
            try {
                taken |= handler.handle(signal);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Handling " + posixName(signal) + " failed: " + e, e);
            }
        }
        return taken;
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
