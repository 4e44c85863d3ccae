package io.mxcp.executor.sql.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection of the pool with what it remembers between calls: its prepared statements and the caller
 * variables last set on it. Used by one thread at a time (the one that checked it out).
 */
public final class PooledConnection {

    /** Enough for the endpoints of a typical project; the least recently used statement is closed beyond. */
    private static final int STATEMENT_CACHE_SIZE = 128;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    private CallerVariables caller;

    PooledConnection(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Makes the built-in functions answer for {@code next}. DuckDB folds {@code getvariable()} into a plan
     * when it is prepared, so the prepared statements are dropped whenever the values change.
     */
    public void useCaller(CallerVariables next) throws SQLException {
        if (next.equals(caller)) {
            return;
        }
        for (String assignment : next.assignments(caller)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(assignment);
            }
        }
        caller = next;
        closeStatements();
    }

    /** A prepared statement for {@code sql}, reused from earlier calls on this connection when possible. */
    public PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement != null && !statement.isClosed()) {
            return statement;
        }
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
        if (statements.size() > STATEMENT_CACHE_SIZE) {
            Iterator<PreparedStatement> eldest = statements.values().iterator();
            closeQuietly(eldest.next());
            eldest.remove();
        }
        return statement;
    }

    /** Forgets a statement that failed in a way that may have closed it (a cancelled statement is closed). */
    public void discard(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    private void closeStatements() {
        statements.values().forEach(PooledConnection::closeQuietly);
        statements.clear();
    }

    void close() {
        closeStatements();
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(PooledConnection.class.getName()).log(System.Logger.Level.DEBUG,
                    "Closing a DuckDB connection failed", e);
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // the statement is gone either way; nothing to recover
        }
    }
}
