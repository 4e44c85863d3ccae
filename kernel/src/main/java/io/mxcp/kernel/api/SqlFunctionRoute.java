package io.mxcp.kernel.api;

/** One implementation routed to a SQL function name. */
public interface SqlFunctionRoute extends AutoCloseable {

    /**
     * Stops routing new calls to this implementation (if it still is the current one) and waits, at most
     * about two seconds, for calls running on it to end. Afterwards the function answers
     * {@code The UDF plugin of SQL function <name> is not installed} until another route takes over.
     */
    @Override
    void close();
}
