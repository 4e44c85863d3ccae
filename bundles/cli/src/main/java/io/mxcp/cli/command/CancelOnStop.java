package io.mxcp.cli.command;

import io.mxcp.cli.context.ServiceAccess;
import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.sdk.exec.Cancellation;
import io.mxcp.sdk.exec.CancellationSignal;

/**
 * Cancels a command's endpoint call or query when the operator stops the process, so that the DuckDB query or the
 * Python code stops at once instead of holding up the exit until it finishes. Ctrl-C (SIGINT) is taken: the command
 * ends as the original's does (spec 02 reference, "Ctrl-C during run/query": {@code Operation cancelled by user},
 * {@code Aborted!}, exit 1). SIGTERM is left to the kernel, which stops the process with 143.
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
            stoppedBy = signal;
            cancellation.cancel();
            return signal == ProcessSignal.INTERRUPT;
        });
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
