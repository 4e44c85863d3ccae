package io.mxcp.audit.sqlite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs work as one transaction of a connection: committed when it returns, rolled back when it throws. */
final class Transaction {

    /** Statements run inside the transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException, IOException;
    }

    private Transaction() {
    }

    static void run(Connection connection, Work work) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollingBack) {
                e.addSuppressed(rollingBack);
            }
            throw e;
        } finally {
            // with nothing left open, switching back commits nothing
            connection.setAutoCommit(true);
        }
    }
}
