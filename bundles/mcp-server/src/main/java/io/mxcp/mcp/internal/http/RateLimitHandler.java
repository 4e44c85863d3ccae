package io.mxcp.mcp.internal.http;

import io.mxcp.mcp.api.HttpServerOptions.RateLimit;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code transport.http.rate_limit}: every request on the port but {@code /health} (which load balancers poll)
 * counts against its client's bucket; one over it gets 429 with {@code Retry-After} before anything else is done.
 */
final class RateLimitHandler implements HttpHandler {
    private final HttpHandler next;
    private final RateLimiter limiter;
    private final RateLimit limit;
    private final boolean trustProxy;
    private final JsonRpcCodec codec;

    RateLimitHandler(HttpHandler next, RateLimit limit, boolean trustProxy, JsonRpcCodec codec) {
        this.next = next;
        this.limiter = new RateLimiter(limit, System::nanoTime);
        this.limit = limit;
        this.trustProxy = trustProxy;
        this.codec = codec;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!"/health".equals(exchange.getRelativePath())) {
            long wait = limiter.take(ClientAddress.of(exchange, trustProxy));
            if (wait > 0) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, wait);
                HttpReplies.refuse(exchange, codec, JsonRpcErrors.transport(429, "Too many requests: at most "
                        + limit.requestsPerMinute() + " a minute (bursts of " + limit.burst()
                        + ") from one client, the limit of transport.http.rate_limit; retry in " + wait + " s"));
                return;
            }
        }
        next.handleRequest(exchange);
    }
}
