package io.mxcp.mcp.internal.protocol;

/**
 * How a stopping server treats the calls still running, on every transport: they get {@link #DRAIN_MILLIS} to
 * finish, then they are cancelled (said in the log) and get {@link #CANCELLED_ANSWER_MILLIS} to send their error,
 * so that a client can tell a stop from a crash and the audit log's error for the call is what the client saw. The
 * error of a call cancelled so says that the server is stopping: a client then knows that a retry may succeed.
 */
public final class StopDrain {

    private static final System.Logger LOG = System.getLogger(StopDrain.class.getName());

    public static final long DRAIN_MILLIS = 5_000;
    public static final long CANCELLED_ANSWER_MILLIS = 2_000;

    private volatile boolean cancelling;

    /** Before the transport cancels the calls that outlasted the drain. */
    public void cancelling() {
        cancelling("MCP calls still running after " + DRAIN_MILLIS + " ms; cancelling them");
    }

    /** Before the transport cancels the calls still running without a drain, for the reason logged. */
    public void cancelling(String why) {
        cancelling = true;
        LOG.log(System.Logger.Level.WARNING, why);
    }

    /** The error text of a call that failed, followed by why when the stop cancelled it. */
    String failureText(String error, RequestContext context) {
        return cancelling && context.cancellation().isCancelled()
                ? error + " (the server is stopping: retry in a few seconds)" : error;
    }
}
