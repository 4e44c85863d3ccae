package io.mxcp.executor.python;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.mxcp.executor.python.runtime.ValueCodec;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * {@code db.execute} for Python code: the SQL executor's own session on the project's database, opened on first
 * use, so parameter binding, caller functions ({@code get_username()}) and value mapping are the SQL endpoints'
 * (spec 01 §5.7). The calling endpoint's context is kept per thread while its Python code runs, for the SQL
 * caller functions and for {@code mcp.*} (notifications, input from the client).
 */
final class ProjectDatabase implements AutoCloseable {

    private static final String SQL_FAILED = "Failed to execute SQL: ";

    private final ProjectRuntime project;
    private final Supplier<EndpointExecutor> sqlExecutor;
    private final ValueCodec codec;
    private final ThreadLocal<ExecutionContext> callContext = new ThreadLocal<>();
    private ExecutorSession session;
    private boolean closed;

    ProjectDatabase(ProjectRuntime project, Supplier<EndpointExecutor> sqlExecutor, ValueCodec codec) {
        this.project = project;
        this.sqlExecutor = sqlExecutor;
        this.codec = codec;
    }

    /** Marks the thread as running a call; returns what {@link #leave} restores (calls may nest through UDFs). */
    ExecutionContext enter(ExecutionContext context) {
        ExecutionContext previous = callContext.get();
        callContext.set(context);
        return previous;
    }

    void leave(ExecutionContext previous) {
        if (previous == null) {
            callContext.remove();
        } else {
            callContext.set(previous);
        }
    }

    /**
     * The call the current thread runs, for {@code mcp.*}: where its messages go and how it asks its client for
     * input; null outside a call (e.g. in init hooks).
     */
    ExecutionContext caller() {
        return callContext.get();
    }

    /** Runs SQL with named parameters (JSON object); returns the rows as JSON, or throws with DuckDB's text. */
    @SuppressWarnings("unchecked")
    String execute(String sql, String paramsJson) throws EndpointExecutionException {
        Object params = codec.decode(paramsJson);
        if (!(params instanceof Map<?, ?>)) {
            throw new EndpointExecutionException("db.execute params must be a dict of named parameters ($name)");
        }
        EndpointSource source = new EndpointSource("tool", "db.execute", "sql", sql, null, null);
        Object rows;
        try {
            rows = session().execute(source, (Map<String, Object>) params, callContext.get());
        } catch (EndpointExecutionException e) {
            String message = e.getMessage();
            throw new EndpointExecutionException(
                    message.startsWith(SQL_FAILED) ? message.substring(SQL_FAILED.length()) : message, e);
        }
        return codec.encode(rows == null ? List.of() : rows);
    }

    private synchronized ExecutorSession session() throws EndpointExecutionException {
        if (closed) {
            throw new EndpointExecutionException("DuckDB runtime is shutting down");
        }
        if (session == null) {
            EndpointExecutor executor = sqlExecutor.get();
            if (executor == null) {
                throw new EndpointExecutionException("No DuckDB runtime available: the SQL executor is not installed");
            }
            session = executor.open(project);
        }
        return session;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
