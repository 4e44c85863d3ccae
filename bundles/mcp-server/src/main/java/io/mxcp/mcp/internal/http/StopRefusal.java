package io.mxcp.mcp.internal.http;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Requests that arrive once the server began to stop: 503 with {@code Retry-After}, the connection closed (a load
 * balancer's next attempt opens one to another instance), and a body that says so — {@code /health}
 * {@code {"status":"stopping"}}, every other route a JSON-RPC error. Undertow's graceful shutdown, behind this, would
 * answer a bare 503 that a client cannot tell from a fault.
 */
final class StopRefusal implements HttpHandler {

    static final String RETRY_AFTER_SECONDS = "5";

    private final HttpHandler next;
    private final JsonRpcCodec codec;
    private volatile boolean stopping;

    StopRefusal(HttpHandler next, JsonRpcCodec codec) {
        this.next = next;
        this.codec = codec;
    }

    /** From now on every new request is refused; those under way finish. */
    void stopping() {
        stopping = true;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!stopping) {
            next.handleRequest(exchange);
            return;
        }
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if ("/health".equals(exchange.getRelativePath())) {
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"status\":\"stopping\"}");
            return;
        }
        HttpReplies.refuse(exchange, codec, JsonRpcErrors.transport(503,
                "The server is stopping: retry in a few seconds (on a new connection)"));
    }
}
