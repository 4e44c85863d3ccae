package io.mxcp.sdk.exec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An executor's runtime for one project generation (a CLI command, a server start or a reload): for SQL
 * the DuckDB connection pool, for Python the interpreter context. Thread-safe.
 */
@ConsumerType
public interface ExecutorSession extends AutoCloseable {

    /**
     * Runs an endpoint with converted, validated arguments. SQL returns the rows as a
     * {@code List<Map<String, Object>>} (column order kept); other languages return any value.
     */
    Object execute(EndpointSource source, Map<String, Object> arguments, ExecutionContext context)
            throws EndpointExecutionException;

    /**
     * Checks an endpoint's source without running it. Returns the error message (e.g.
     * {@code Source code syntax validation failed: ...} or {@code Parameter mismatch: ...}), or empty.
     *
     * @param declaredParameters the names of the endpoint's declared parameters
     */
    Optional<String> validate(EndpointSource source, Set<String> declaredParameters);

    /**
     * Names what produced the endpoint's result, for messages about that result: the core appends
     * {@code (returned by <origin>)} to a result that fails output shaping or validation (e.g.
     * {@code function 'add' in python/calc.py}). Empty when the endpoint itself says it all (SQL).
     *
     * @since 1.2
     */
    default Optional<String> resultOrigin(EndpointSource source) {
        return Optional.empty();
    }

    /** Releases the session's resources, waiting briefly for calls in flight. */
    @Override
    void close();
}
