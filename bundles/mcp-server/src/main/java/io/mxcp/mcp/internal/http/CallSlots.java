package io.mxcp.mcp.internal.http;

import java.util.concurrent.Semaphore;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

/**
 * The limit on endpoint calls running at once ({@code transport.http.max_concurrent_calls}). A call over the limit
 * is refused at once rather than queued: the client learns the server is busy and when to retry.
 */
final class CallSlots {
    private final int limit;
    private final Semaphore free;

    /** @param limit the most calls at once; 0 for no limit */
    CallSlots(int limit) {
        this.limit = limit;
        this.free = limit == 0 ? null : new Semaphore(limit);
    }

    boolean tryAcquire() {
        return free == null || free.tryAcquire();
    }

    void release() {
        if (free != null) {
            free.release();
        }
    }

    /** The refusal of a call over the limit (HTTP 503). */
    JsonRpcException busy() {
        return JsonRpcErrors.transport(503, "Server busy: " + limit
                + " calls are running, the limit of transport.http.max_concurrent_calls; retry later");
    }
}
