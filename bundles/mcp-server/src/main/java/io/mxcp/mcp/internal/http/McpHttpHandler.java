package io.mxcp.mcp.internal.http;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * The streamable HTTP endpoint {@code /mcp}, on the IO thread: Host/Origin and CORS checks, then POST carries one
 * JSON-RPC message ({@link PostHandler}), GET opens a legacy session's event stream, DELETE ends a legacy session.
 */
final class McpHttpHandler implements HttpHandler {
    private static final long STREAM_KEEP_ALIVE_MS = 15_000;

    private final JsonRpcCodec codec;
    private final LegacySessions sessions;
    private final boolean stateless;
    private final PostHandler posts;
    private final CorsPolicy cors;
    private final LocalBindGuard guard;

    McpHttpHandler(JsonRpcCodec codec, LegacySessions sessions, boolean stateless, PostHandler posts, CorsPolicy cors,
            LocalBindGuard guard) {
        this.codec = codec;
        this.sessions = sessions;
        this.stateless = stateless;
        this.posts = posts;
        this.cors = cors;
        this.guard = guard;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getRequestHeaders();
        String refusal = guard.refusal(headers.getFirst(Headers.HOST), headers.getFirst(Headers.ORIGIN));
        cors.decorate(exchange);
        if (refusal != null) {
            refuse(exchange, JsonRpcErrors.transport(403, refusal));
        } else if (Methods.POST.equals(exchange.getRequestMethod())) {
            posts.receive(exchange);
        } else if (Methods.OPTIONS.equals(exchange.getRequestMethod()) && cors.enabled()) {
            String preflightRefusal = cors.preflight(exchange);
            if (preflightRefusal != null) {
                refuse(exchange, JsonRpcErrors.transport(403, preflightRefusal));
            }
        } else if (Methods.GET.equals(exchange.getRequestMethod())) {
            openStream(exchange);
        } else if (Methods.DELETE.equals(exchange.getRequestMethod())) {
            endSession(exchange);
        } else {
            refuse(exchange, JsonRpcErrors.transport(405, "Method not allowed: " + exchange.getRequestMethod()));
        }
    }

    /** GET: the legacy server-to-client stream of a session (held open; notifications go there). */
    private void openStream(HttpServerExchange exchange) throws Exception {
        if (stateless) {
            refuse(exchange, JsonRpcErrors.transport(405, "Method not allowed: a stateless server has no GET stream"));
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept == null || !accept.contains(EventStreamAnswer.EVENT_STREAM)) {
            refuse(exchange, JsonRpcErrors.transport(406, "Not Acceptable: the client must accept text/event-stream"));
            return;
        }
        LegacySession session;
        try {
            session = sessions.require(exchange.getRequestHeaders().getFirst(PostHandler.SESSION_ID));
        } catch (JsonRpcException e) {
            refuse(exchange, e);
            return;
        }
        if (session.hasOpenStream()) {
            refuse(exchange, JsonRpcErrors.transport(409, "Conflict: the session already has an open stream"));
            return;
        }
        exchange.getResponseHeaders().put(EventStreamAnswer.ACCEL_BUFFERING, "no")
                .put(Headers.CACHE_CONTROL, "no-cache");
        new ServerSentEventHandler((connection, lastEventId) -> {
            if (session.attach(connection)) {
                connection.setKeepAliveTime(STREAM_KEEP_ALIVE_MS);
            } else {
                LegacySession.closeQuietly(connection);
            }
        }).handleRequest(exchange);
    }

    /** DELETE: ends a legacy session. */
    private void endSession(HttpServerExchange exchange) {
        if (stateless) {
            refuse(exchange, JsonRpcErrors.transport(405, "Method not allowed: a stateless server has no sessions"));
            return;
        }
        String id = exchange.getRequestHeaders().getFirst(PostHandler.SESSION_ID);
        if (id == null) {
            refuse(exchange, JsonRpcErrors.sessionRequired());
        } else if (sessions.end(id)) {
            exchange.setStatusCode(200);
            exchange.endExchange();
        } else {
            refuse(exchange, JsonRpcErrors.sessionNotFound(id));
        }
    }

    private void refuse(HttpServerExchange exchange, JsonRpcException error) {
        HttpReplies.refuse(exchange, codec, error);
    }
}
