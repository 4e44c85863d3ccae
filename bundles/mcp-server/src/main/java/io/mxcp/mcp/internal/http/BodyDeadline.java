package io.mxcp.mcp.internal.http;

import java.util.concurrent.TimeUnit;

import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import io.undertow.server.HttpServerExchange;

/**
 * Closes the connection of a POST whose body has not arrived within {@link ConnectionLimits#bodyDeadlineMs} of its
 * headers. Armed only when the body did not come with them (nearly every client sends both at once), so a call costs
 * no timer. Used on the connection's IO thread only.
 */
final class BodyDeadline {
    private final int deadlineMs;
    private boolean arrived;
    private XnioExecutor.Key timer;

    BodyDeadline(int deadlineMs) {
        this.deadlineMs = deadlineMs;
    }

    /** After the receiver was started: a body read at once has arrived already. */
    void arm(HttpServerExchange exchange) {
        if (!arrived) {
            timer = exchange.getIoThread().executeAfter(() -> {
                if (!arrived) {
                    IoUtils.safeClose(exchange.getConnection());
                }
            }, deadlineMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The body arrived, or reading it failed. */
    void ended() {
        arrived = true;
        if (timer != null) {
            timer.remove();
        }
    }
}
