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
 * cancelled by user}, {@code Aborted!}, exit 1), without the report or file of the work it cut short. Work that
 * cannot be cancelled (a read of the audit log) is waited for; a second Ctrl-C meanwhile ends the
 * process at once (the kernel's rule, as does its stop limit). SIGTERM cancels too and is left to the kernel, which
 * ends the process with 143. Once the work has committed to its result (it prints its report, writes its file) a
 * Ctrl-C no longer cuts it short: the report is not followed by a message that it was cancelled.
 */
final class CancelOnStop implements AutoCloseable {
    private final Cancellation cancellation = new Cancellation();
    private final ServiceAccess.Registration registration;
    /** The signal that stopped the work, or null; guarded by {@code this}, as is {@code committed}. */
    private ProcessSignal stoppedBy;
    private boolean committed;

    CancelOnStop(ServiceAccess services) {
        registration = services.onProcessSignal(signal -> {
            if (signal == ProcessSignal.HANGUP) {
                return false;
            }
            synchronized (this) {
                if (committed) {
                    return signal == ProcessSignal.INTERRUPT; // the work finishes on its own in a moment
                }
                stoppedBy = stoppedBy == null ? signal : stoppedBy;
            }
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
     * Runs the work and ends it as a stopped command when the operator stops the process before the work commits to
     * its result: whatever it returned or threw is then dropped. The work calls {@link #commit()} before it prints
     * its report or writes a file, so that neither happens for work that was cut short, and {@link #checkNotStopped()}
     * between steps to go no further.
     */
    static int run(ServiceAccess services, Terminal terminal, boolean json, Work work) throws Exception {
        try (CancelOnStop stop = new CancelOnStop(services)) {
            int code;
            try {
                code = work.run(stop);
            } catch (Exception e) {
                if (stop.cutShort()) {
                    return stop.abort(terminal, json);
                }
                throw e;
            }
            return stop.finish() ? code : stop.abort(terminal, json);
        }
    }

    /** Throws when the operator stopped the process, so that the work goes no further; {@link #run} ends it. */
    void checkNotStopped() throws Stopped {
        if (stopped()) {
            throw new Stopped();
        }
    }

    /**
     * Throws as {@link #checkNotStopped()}; otherwise the work is committed to its result from now on: a later
     * Ctrl-C no longer stops it.
     */
    void commit() throws Stopped {
        if (!finish()) {
            throw new Stopped();
        }
    }

    /** Commits the work; whether it was not cut short first. */
    private synchronized boolean finish() {
        if (cutShort()) {
            return false;
        }
        committed = true;
        return true;
    }

    private synchronized boolean cutShort() {
        return stoppedBy != null && !committed;
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
    synchronized boolean stopped() {
        return stoppedBy != null;
    }

    /** Ends the command whose call was cancelled by the stop; returns its exit code. */
    int abort(Terminal terminal, boolean json) {
        if (stoppedBy() != ProcessSignal.INTERRUPT) {
            return 143; // SIGTERM: the kernel is ending the process with this code already
        }
        if (!json) {
            terminal.out().println();
            terminal.out().println("Operation cancelled by user");
        }
        terminal.err().println("Aborted!");
        return 1;
    }

    private synchronized ProcessSignal stoppedBy() {
        return stoppedBy;
    }

    @Override
    public void close() {
        registration.close();
    }
}
