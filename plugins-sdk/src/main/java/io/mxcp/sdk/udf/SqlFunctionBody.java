package io.mxcp.sdk.udf;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import io.mxcp.sdk.exec.ExecutionContext;

/**
 * The implementation of one SQL scalar function. Called once per row, possibly from DuckDB worker
 * threads and concurrently; arguments are null for SQL NULL. A thrown exception fails the query with its
 * message.
 */
@ConsumerType
@FunctionalInterface
public interface SqlFunctionBody {
    Object apply(Object[] arguments) throws Exception;

    /**
     * Runs the function for the call its SQL statement runs for (an endpoint's call, with its user and request
     * headers), whichever thread runs it. The server calls this one; a body made with {@link #withCaller} sees the
     * call, a plain lambda does not.
     *
     * @param call the call, empty when the statement runs for none (an init hook, a validation)
     * @since 1.1
     */
    default Object apply(Object[] arguments, Optional<ExecutionContext> call) throws Exception {
        return apply(arguments);
    }

    /**
     * A body that reads the call, e.g. to answer per user:
     * <pre>{@code
     * SqlFunctionBody.withCaller((args, call) ->
     *         call.flatMap(ExecutionContext::user).map(UserContext::username).orElse(null))
     * }</pre>
     *
     * @since 1.1
     */
    static SqlFunctionBody withCaller(CallerAwareBody body) {
        return new SqlFunctionBody() {
            @Override
            public Object apply(Object[] arguments) throws Exception {
                return body.apply(arguments, Optional.empty());
            }

            @Override
            public Object apply(Object[] arguments, Optional<ExecutionContext> call) throws Exception {
                return body.apply(arguments, call);
            }
        };
    }

    /** What {@link #withCaller} wraps. @since 1.1 */
    @FunctionalInterface
    interface CallerAwareBody {
        Object apply(Object[] arguments, Optional<ExecutionContext> call) throws Exception;
    }
}
