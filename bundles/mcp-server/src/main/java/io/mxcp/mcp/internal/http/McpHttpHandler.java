package io.mxcp.mcp.internal.http;

import io.mxcp.mcp.internal.auth.BearerGate;
import io.mxcp.mcp.internal.auth.Verdict;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.sdk.auth.UserContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * The streamable HTTP endpoint {@code /mcp}, on the IO thread: Host/Origin and CORS checks, a request without a
 * bearer token refused at once when authentication is on, then POST carries one JSON-RPC message
 * ({@link PostHandler}, which checks the token on its worker), GET opens a legacy session's event stream, DELETE
 * ends a legacy session (both on a worker when a token must be checked). Each refusal for want of a valid token or
 * of the caller's session is handed to the audit log ({@link RefusalRecorder}) before it is answered, while the
 * exchange is whole.
 */
final class McpHttpHandler implements HttpHandler {
    private static final long STREAM_KEEP_ALIVE_MS = 15_000;

    private final JsonRpcCodec codec;
    private final LegacySessions sessions;
    private final boolean stateless;
    private final PostHandler posts;
    private final CorsPolicy cors;
    private final HostOriginGuard guard;
    private final BearerGate gate;
    private final StreamTokens streamTokens;
    private final BearerChallenge challenge;
    private final RefusalRecorder refusals;

    McpHttpHandler(JsonRpcCodec codec, LegacySessions sessions, boolean stateless, PostHandler posts, CorsPolicy cors,
            HostOriginGuard guard, BearerGate gate, BearerChallenge challenge, RefusalRecorder refusals,
            StreamTokens streamTokens) {
        this.codec = codec;
        this.sessions = sessions;
        this.stateless = stateless;
        this.posts = posts;
        this.cors = cors;
        this.guard = guard;
        this.gate = gate;
        this.challenge = challenge;
        this.streamTokens = streamTokens;
        this.refusals = refusals;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getRequestHeaders();
        String refusal = guard.refusal(headers);
        cors.decorate(exchange);
        HttpString method = exchange.getRequestMethod();
        if (refusal != null) {
            refuse(exchange, JsonRpcErrors.transport(403, refusal));
        } else if (Methods.OPTIONS.equals(method) && cors.enabled()) {
            String preflightRefusal = cors.preflight(exchange);
            if (preflightRefusal != null) {
                refuse(exchange, JsonRpcErrors.transport(403, preflightRefusal));
            }
        } else if (Methods.OPTIONS.equals(method)) {
            notAllowed(exchange, "Method not allowed: OPTIONS (a browser's CORS preflight: the user config's"
                    + " transport.http.cors_origins lists the origins allowed to call this server)");
        } else if (!Methods.POST.equals(method) && !Methods.GET.equals(method) && !Methods.DELETE.equals(method)) {
            notAllowed(exchange, "Method not allowed: " + method);
        } else if (gate.enabled() && BearerGate.bearerToken(headers.getFirst(Headers.AUTHORIZATION)) == null) {
            refusals.refused(exchange, Verdict.AUTHENTICATION_REQUIRED, null);
            challenge.send(exchange, Verdict.AUTHENTICATION_REQUIRED);
        } else if (Methods.POST.equals(method)) {
            posts.receive(exchange);
        } else if (gate.enabled()) {
            exchange.dispatch(this::checkedSessionRequest); // the check may wait for the token's issuer
        } else {
            sessionRequest(exchange, null);
        }
    }

    private void checkedSessionRequest(HttpServerExchange exchange) throws Exception {
        Verdict verdict = gate.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (verdict.admitted()) {
            sessionRequest(exchange, verdict.user());
        } else {
            refusals.refused(exchange, verdict, null);
            challenge.send(exchange, verdict);
        }
    }

    /** GET or DELETE of a session's user (null: anonymous). */
    private void sessionRequest(HttpServerExchange exchange, UserContext user) throws Exception {
        if (Methods.GET.equals(exchange.getRequestMethod())) {
            openStream(exchange, user);
        } else {
            endSession(exchange, user);
        }
    }

    /** GET: the legacy server-to-client stream of a session (held open; notifications go there). */
    private void openStream(HttpServerExchange exchange, UserContext user) throws Exception {
        if (stateless) {
            notAllowed(exchange, "Method not allowed: a stateless server has no GET stream");
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (!AcceptHeader.names(accept, EventStreamAnswer.EVENT_STREAM)) {
            refuse(exchange, JsonRpcErrors.transport(406, "Not Acceptable: the client must accept text/event-stream"));
            return;
        }
        LegacySession session;
        try {
            session = sessions.require(exchange.getRequestHeaders().getFirst(PostHandler.SESSION_ID), user);
        } catch (JsonRpcException e) {
            if (JsonRpcErrors.isSessionNotFound(e)) {
                refusals.unknownSession(exchange, user, null);
            }
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
                if (gate.enabled()) {
                    streamTokens.watch(connection, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
                }
            } else {
                LegacySession.closeQuietly(connection);
            }
        }).handleRequest(exchange);
    }

    /** DELETE: ends a legacy session. */
    private void endSession(HttpServerExchange exchange, UserContext user) {
        if (stateless) {
            notAllowed(exchange, "Method not allowed: a stateless server has no sessions");
            return;
        }
        String id = exchange.getRequestHeaders().getFirst(PostHandler.SESSION_ID);
        if (id == null) {
            refuse(exchange, JsonRpcErrors.sessionRequired());
        } else if (sessions.end(id, user)) {
            exchange.setStatusCode(200);
            exchange.endExchange();
        } else {
            refusals.unknownSession(exchange, user, null);
            refuse(exchange, JsonRpcErrors.sessionNotFound(id));
        }
    }

    /** 405 with the {@code Allow} header RFC 9110 asks for: what this endpoint answers in this mode. */
    private void notAllowed(HttpServerExchange exchange, String message) {
        String allowed = stateless ? "POST" : "GET, POST, DELETE";
        exchange.getResponseHeaders().put(Headers.ALLOW, cors.enabled() ? allowed + ", OPTIONS" : allowed);
        refuse(exchange, JsonRpcErrors.transport(405, message));
    }

    private void refuse(HttpServerExchange exchange, JsonRpcException error) {
        HttpReplies.refuse(exchange, codec, error);
    }
}
