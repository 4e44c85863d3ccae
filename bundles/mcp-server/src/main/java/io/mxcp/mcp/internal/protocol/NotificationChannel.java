package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the notifications about one request go while it runs: its own SSE stream on HTTP, the shared output on
 * stdio. May be called from any thread.
 */
@FunctionalInterface
public interface NotificationChannel {
    /** A request whose notifications cannot be delivered (a JSON-only answer). */
    NotificationChannel NONE = message -> { };

    void send(ObjectNode notification);
}
