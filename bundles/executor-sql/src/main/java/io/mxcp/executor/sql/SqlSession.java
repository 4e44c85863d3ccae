package io.mxcp.executor.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.mxcp.executor.sql.memory.MemoryGuard;
import io.mxcp.executor.sql.result.ResultBudget;
import io.mxcp.executor.sql.result.ResultMapper;
import io.mxcp.executor.sql.runtime.ConnectionPool;
import io.mxcp.executor.sql.runtime.DuckDbRuntime;
import io.mxcp.executor.sql.runtime.PooledConnection;
import io.mxcp.executor.sql.statement.DeclaredType;
import io.mxcp.executor.sql.statement.ParameterBinder;
import io.mxcp.executor.sql.statement.ParameterValues;
import io.mxcp.executor.sql.statement.ParameterValues.ParameterMismatchException;
import io.mxcp.executor.sql.statement.SqlScript;
import io.mxcp.executor.sql.statement.SqlStatement;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;

/** Runs and validates SQL endpoints of one project generation on its DuckDB connection pool. */
final class SqlSession implements ExecutorSession {

    private static final String FAILED = "Failed to execute SQL: ";
    private static final String CANCELLED = FAILED + "the query was cancelled";
    /** Bounds the parsed-script cache; endpoints are few, ad-hoc SQL (execute_sql_query) is not. */
    private static final int SCRIPT_CACHE_SIZE = 512;

    private final DuckDbRuntime runtime;
    private final ConnectionPool pool;
    private final Map<String, SqlScript> scripts = new ConcurrentHashMap<>();
    private final AtomicLong validations = new AtomicLong();
    private final ResultBudget resultBudget;
    private final MemoryGuard memoryGuard;

    SqlSession(DuckDbRuntime runtime, ResultBudget resultBudget, MemoryGuard memoryGuard) {
        this.runtime = runtime;
        this.pool = runtime.pool();
        this.resultBudget = resultBudget;
        this.memoryGuard = memoryGuard;
    }

    @Override
    public Object execute(EndpointSource source, Map<String, Object> arguments, ExecutionContext context)
            throws EndpointExecutionException {
        SqlScript script = script(source.code());
        if (script.isEmpty()) {
            return List.of();
        }
        runtime.checkDatabaseFile();
        try (SqlCall call = new SqlCall(context == null ? null : context.cancellation())) {
            if (call.isCancelled()) {
                throw new EndpointExecutionException(CANCELLED);
            }
            PooledConnection connection = checkout(call, context);
            try {
                return run(connection, script, arguments == null ? Map.of() : arguments,
                        DeclaredType.shaping(source.parameterTypes()), call);
            } catch (SQLException e) {
                Optional<String> stopped = call.stopReason();
                if (stopped.isPresent()) {
                    throw new EndpointExecutionException(FAILED + stopped.get(), e);
                }
                if (call.isCancelled()) {
                    throw new EndpointExecutionException(CANCELLED, e);
                }
                throw new EndpointExecutionException(FAILED + SqlErrors.message(e, "", script.last().parameterNames()),
                        e);
            } finally {
                if (source.adHoc()) {
                    pool.retire(connection);
                } else {
                    pool.release(connection);
                }
            }
        }
    }

    /**
     * A connection for the call (null: a validation), bound to its caller; a call cancelled while every one is busy
     * stops waiting. A connection that cannot be bound is closed, so that the next call gets a fresh one.
     */
    private PooledConnection checkout(SqlCall call, ExecutionContext context) throws EndpointExecutionException {
        PooledConnection connection;
        try {
            connection = pool.checkout(call == null ? () -> false : call::isCancelled);
            if (connection == null) {
                throw new EndpointExecutionException(CANCELLED);
            }
        } catch (ConnectionPool.PoolClosedException e) {
            throw new EndpointExecutionException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new EndpointExecutionException("Failed to create RuntimeEnvironment: " + SqlErrors.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointExecutionException(CANCELLED, e);
        }
        try {
            connection.useCaller(context);
            return connection;
        } catch (SQLException e) {
            pool.retire(connection);
            throw new EndpointExecutionException(FAILED + SqlErrors.message(e), e);
        }
    }

    /**
     * Runs the leading statements as they are, then the last one prepared with the arguments, like DuckDB's
     * Python client: parameters are allowed in the last statement only, and only its rows are returned.
     */
    private List<Map<String, Object>> run(PooledConnection connection, SqlScript script, Map<String, Object> arguments,
            Map<String, DeclaredType> declaredTypes, SqlCall call) throws SQLException, EndpointExecutionException {
        for (SqlStatement leading : script.leading()) {
            if (leading.hasParameters()) {
                throw new EndpointExecutionException(FAILED + "Not implemented Error: Prepared parameters are only "
                        + "supported for the last statement, please split your query up into separate 'execute' "
                        + "calls if you want to use prepared parameters");
            }
            try (Statement statement = connection.connection().createStatement()) {
                executeCancellably(statement, call, () -> statement.execute(leading.text()));
            }
        }
        SqlStatement last = script.last();
        List<Object> values;
        try {
            values = ParameterValues.inOrder(last, arguments);
        } catch (ParameterMismatchException e) {
            throw new EndpointExecutionException(FAILED + e.getMessage(), e);
        }
        PreparedStatement statement = connection.prepared(last.bindableText());
        try {
            ParameterBinder.bind(statement, last.parameterNames(), values, declaredTypes);
            boolean hasRows = executeCancellably(statement, call, statement::execute);
            if (hasRows) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    return ResultMapper.rows(resultSet, resultBudget, call::isCancelled);
                }
            }
            long count = statement.getLargeUpdateCount();
            return count < 0 ? List.of() : List.of(Map.of("Count", count));
        } catch (SQLException | RuntimeException e) {
            connection.discard(last.bindableText());
            throw e;
        } finally {
            if (!statement.isClosed()) {
                statement.clearParameters();
            }
        }
    }

    private interface SqlAction {
        boolean run() throws SQLException;
    }

    /** Runs a statement that the call's cancellation and the memory guard can interrupt. */
    private boolean executeCancellably(Statement statement, SqlCall call, SqlAction action)
            throws SQLException, EndpointExecutionException {
        if (!call.start(statement)) {
            throw new EndpointExecutionException(CANCELLED);
        }
        try (MemoryGuard.Watch watch = memoryGuard.watch(call::stop, runtime::managedMemoryBytes)) {
            return action.run();
        } finally {
            call.finish();
        }
    }

    /**
     * Checks the first statement with {@code PREPARE}/{@code DEALLOCATE} (spec 01 §4.5; later statements are
     * neither prepared nor run, unlike the reference) and compares its parameters, lower-cased, with the
     * declared ones.
     */
    @Override
    public Optional<String> validate(EndpointSource source, Set<String> declaredParameters) {
        String sql = source.code();
        if (sql == null || sql.isBlank()) {
            return Optional.of("No SQL query found");
        }
        SqlScript script = script(sql);
        String first = script.isEmpty() ? sql : script.first().text();
        Optional<String> prepareError = prepareError(first);
        if (prepareError.isPresent()) {
            return prepareError;
        }
        Set<String> sqlParameters = script.isEmpty() ? Set.of() : new TreeSet<>(script.first().parameterNames());
        Set<String> missing = new TreeSet<>(sqlParameters);
        missing.removeAll(declaredParameters);
        Set<String> extra = new TreeSet<>(declaredParameters);
        extra.removeAll(sqlParameters);
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Parameter mismatch: missing=" + pythonSet(missing) + ", extra=" + pythonSet(extra));
    }

    private Optional<String> prepareError(String statementText) {
        String name = "mxcp_validate_" + validations.incrementAndGet();
        PooledConnection connection;
        try {
            connection = checkout(null, null);
        } catch (EndpointExecutionException e) {
            return Optional.of(e.getMessage());
        }
        try {
            try (Statement statement = connection.connection().createStatement()) {
                statement.execute("PREPARE " + name + " AS " + statementText);
            }
            try (Statement statement = connection.connection().createStatement()) {
                statement.execute("DEALLOCATE " + name);
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("Source code syntax validation failed: "
                    + SqlErrors.message(e, "PREPARE " + name + " AS ", List.of()));
        } finally {
            pool.release(connection);
        }
    }

    private static String pythonSet(Set<String> names) {
        if (names.isEmpty()) {
            return "set()";
        }
        return names.stream().map(name -> "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    private SqlScript script(String sql) {
        SqlScript script = scripts.get(sql);
        if (script == null) {
            script = SqlScript.parse(sql);
            if (scripts.size() >= SCRIPT_CACHE_SIZE) {
                scripts.clear();
            }
            scripts.put(sql, script);
        }
        return script;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
