package io.mxcp.kernel.api;

/**
 * What a routed SQL function runs for each row. DuckDB may run it on one of its own worker threads, so whatever the
 * statement's call needs arrives as {@code caller}, never through the calling thread.
 *
 * @since 1.5
 */
@FunctionalInterface
public interface SqlFunctionBody {

    /**
     * @param arguments the SQL arguments in order, null for SQL NULL
     * @param caller    what the connection running the statement was given for its current call
     *                  ({@link ConnectionValues#set(java.util.Map, Object)}), or null when nothing was given
     * @return the result, null for SQL NULL
     */
    Object apply(Object[] arguments, Object caller);

    /**
     * The class whose bundle implements the function, as the kernel names it in its log: a body that adapts another
     * bundle's (the SQL executor's, for a UDF plugin's function) names that bundle's class.
     *
     * @since 1.8
     */
    default Class<?> implementation() {
        return getClass();
    }
}
