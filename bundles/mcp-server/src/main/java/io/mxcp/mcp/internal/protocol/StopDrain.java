package io.mxcp.mcp.internal.protocol;

/**
 * How a stopping server treats the calls still running, on every transport: they get {@link #DRAIN_MILLIS} to
 * finish, then they are cancelled (said in the log) and get {@link #CANCELLED_ANSWER_MILLIS} to send their error,
 * so that a client can tell a stop from a crash and the audit log's error for the call is what the client saw.
 */
public final class StopDrain {

    private static final System.Logger LOG = System.getLogger(StopDrain.class.getName());

    public static final long DRAIN_MILLIS = 5_000;
    public static final long CANCELLED_ANSWER_MILLIS = 2_000;

    private StopDrain() {
    }

    public static void cancelling() {
        LOG.log(System.Logger.Level.WARNING, "MCP calls still running after " + DRAIN_MILLIS + " ms; cancelling them");
    }
}
