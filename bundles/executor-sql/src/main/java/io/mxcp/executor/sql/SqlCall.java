package io.mxcp.executor.sql;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.mxcp.sdk.exec.CancellationSignal;

/**
 * The statement a call is running, so that a cancellation from another thread can interrupt it
 * ({@link Statement#cancel()} interrupts the connection's running query), as can the server when it stops the query
 * for a reason of its own.
 */
final class SqlCall implements AutoCloseable {

    private final CancellationSignal signal;
    private final AutoCloseable registration;
    private Statement running;
    private boolean cancelled;
    private String stopReason;

    SqlCall(CancellationSignal signal) {
        this.signal = signal;
        this.registration = signal == null ? null : signal.onCancel(this::cancel);
    }

    /** Marks {@code statement} as running; false when the call was already cancelled (then do not run it). */
    synchronized boolean start(Statement statement) {
        running = statement;
        return !isCancelled();
    }

    synchronized void finish() {
        running = null;
    }

    boolean isCancelled() {
        synchronized (this) {
            if (cancelled) {
                return true;
            }
        }
        return signal != null && signal.isCancelled();
    }

    /** Why the server stopped the call's statement, when it did. */
    synchronized Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Interrupts the running statement for a reason of the server's, which its caller is given. */
    synchronized void stop(String reason) {
        stopReason = reason;
        interrupt();
    }

    private synchronized void cancel() {
        cancelled = true;
        interrupt();
    }

    private void interrupt() {
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException e) {
                System.getLogger(SqlCall.class.getName()).log(System.Logger.Level.DEBUG, "Cancelling a DuckDB statement failed", e);
            }
        }
    }

    @Override
    public void close() {
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                System.getLogger(SqlCall.class.getName()).log(System.Logger.Level.DEBUG, "Removing a cancel action failed", e);
            }
        }
    }
}
