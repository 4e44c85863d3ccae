package io.mxcp.audit.sqlite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work as one transaction of a connection: committed when it returns, rolled back when it throws. The
 * transaction is begun and ended with SQL on a connection left in auto-commit mode rather than through
 * {@link Connection#setAutoCommit}: the driver switches its flag before it begins, so a begin that timed out on
 * another process's lock left the connection committing every later statement on its own — the next batch stored,
 * then reported as failed when its commit found no transaction, and written again.
 */
final class Transaction {

    /** Statements run inside the transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException, IOException;
    }

    private Transaction() {
    }

    static void run(Connection connection, Work work) throws SQLException, IOException {
        try (Statement control = connection.createStatement()) {
            // takes the write lock at once: a transaction that took it only at its first write could find another
            // process's writer ahead and fail without waiting
            control.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                control.execute("COMMIT");
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    control.execute("ROLLBACK");
                } catch (SQLException rollingBack) {
                    e.addSuppressed(rollingBack);
                }
                throw e;
            }
        }
    }
}
