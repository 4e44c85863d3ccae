package io.mxcp.cli.command;

import io.mxcp.cli.context.ServiceAccess;
import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.sdk.exec.Cancellation;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Cancels a command's endpoint calls or query when the operator stops the process, so that the DuckDB query or the
 * Python code stops at once instead of holding up the exit until it finishes. Ctrl-C (SIGINT) is taken: the command
 * ends as the original's does (spec 02 reference, "Ctrl-C during run/query/test/evals/drift/log": {@code Operation
 * cancelled by user}, {@code Aborted!}, exit 1), without the report or file of the work it cut short. A second Ctrl-C
 * while the first is being handled (a model request under way, a long read) is left to the kernel, which stops the
 * process at once; so is SIGTERM, which ends it with 143.
 */
final class CancelOnStop implements AutoCloseable {
    private final Cancellation cancellation = new Cancellation();
    private final ServiceAccess.Registration registration;
    private volatile ProcessSignal stoppedBy;

    CancelOnStop(ServiceAccess services) {
        registration = services.onProcessSignal(signal -> {
            if (signal == ProcessSignal.HANGUP) {
                return false;
            }
            if (stoppedBy == ProcessSignal.INTERRUPT) {
                return false;
            }
            stoppedBy = signal;
            cancellation.cancel();
            return signal == ProcessSignal.INTERRUPT;
        });
    }

    /** A command's work, handed the signal that cancels it. */
    @FunctionalInterface
    interface Work {
        /** @return the command's exit code */
        int run(CancelOnStop stop) throws Exception;
    }

    /**
     * Runs the work and ends it as a stopped command when the operator stops the process meanwhile: whatever it
     * returned or threw is then dropped. The work calls {@link #checkNotStopped()} before it prints its report or
     * writes a file, so that neither happens for work that was cut short.
     */
    static int run(ServiceAccess services, Terminal terminal, boolean json, Work work) throws Exception {
        try (CancelOnStop stop = new CancelOnStop(services)) {
            try {
                int code = work.run(stop);
                return stop.stopped() ? stop.abort(terminal, json) : code;
            } catch (Exception e) {
                if (stop.stopped()) {
                    return stop.abort(terminal, json);
                }
                throw e;
            }
        }
    }

    /** Throws when the operator stopped the process, so that the work goes no further; {@link #run} ends it. */
    void checkNotStopped() throws Stopped {
        if (stopped()) {
            throw new Stopped();
        }
    }

    /** The work was cut short by the operator; {@link #run} reports it. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("Operation cancelled by user", null, false, false);
        }
    }

    CancellationSignal signal() {
        return cancellation;
    }

    /** Whether the operator stopped the process (then a failing call failed because it was cancelled). */
    boolean stopped() {
        return stoppedBy != null;
    }

    /** Ends the command whose call was cancelled by the stop; returns its exit code. */
    int abort(Terminal terminal, boolean json) {
        if (stoppedBy != ProcessSignal.INTERRUPT) {
            return 143; // SIGTERM: the kernel is ending the process with this code already
        }
        if (!json) {
            terminal.out().println();
            terminal.out().println("Operation cancelled by user");
        }
        terminal.err().println("Aborted!");
        return 1;
    }

    @Override
    public void close() {
        registration.close();
    }
}
