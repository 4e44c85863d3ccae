package io.mxcp.executor.sql.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.sdk.exec.ExecutionContext;

/**
 * One connection of the pool with what it keeps between calls: its prepared statements and the values its SQL
 * reads for the current caller. Used by one thread at a time (the one that checked it out).
 */
public final class PooledConnection {

    /** Enough for the endpoints of a typical project; the least recently used statement is closed beyond. */
    private static final int STATEMENT_CACHE_SIZE = 128;

    private final Connection connection;
    private final ConnectionValues values;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

    PooledConnection(Connection connection, ConnectionValues values) {
        this.connection = connection;
        this.values = values;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Makes the built-in functions answer for the call's caller and hands the call's context to the plugin functions
     * its SQL calls (a Python UDF's {@code get_user_context()}). Keeps the prepared statements; runs SQL only to
     * declare plugin functions routed since the connection's last call.
     *
     * @param context the call's context, null for none
     */
    public void useCaller(ExecutionContext context) throws SQLException {
        values.set(CallerVariables.of(context).values(), context);
        values.bind(connection);
    }

    void forgetCaller() {
        values.set(Map.of());
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
        values.close();
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
