package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.CallCancellation;
import io.mxcp.mcp.internal.protocol.Classification;
import io.mxcp.mcp.internal.protocol.EraClassifier;
import io.mxcp.mcp.internal.protocol.InboundHeaders;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.mxcp.mcp.internal.protocol.RequestContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * The streamable HTTP endpoint {@code /mcp}. POST carries one JSON-RPC message (read and answered on a worker
 * thread, never the IO thread); GET opens a legacy session's event stream; DELETE ends a legacy session.
 */
final class McpHttpHandler implements HttpHandler {
    private static final HttpString PROTOCOL_VERSION = new HttpString("MCP-Protocol-Version");
    private static final HttpString MCP_METHOD = new HttpString("Mcp-Method");
    private static final HttpString MCP_NAME = new HttpString("Mcp-Name");
    private static final HttpString SESSION_ID = new HttpString("Mcp-Session-Id");
    private static final HttpString ACCEL_BUFFERING = EventStreamAnswer.ACCEL_BUFFERING;
    private static final String EVENT_STREAM = EventStreamAnswer.EVENT_STREAM;
    private static final long STREAM_KEEP_ALIVE_MS = 15_000;
    /** What a client told the server is busy waits before trying again. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final McpEngine engine;
    private final JsonRpcCodec codec;
    private final LegacySessions sessions;
    private final ListenStreams listens;
    private final boolean stateless;
    private final boolean jsonResponse;
    private final long maxRequestBytes;
    private final CallSlots slots;
    private final CorsPolicy cors;
    private final LocalBindGuard guard;
    private final RunningCalls running;

    McpHttpHandler(McpEngine engine, JsonRpcCodec codec, LegacySessions sessions, ListenStreams listens,
            HttpServerOptions options, CorsPolicy cors, LocalBindGuard guard, RunningCalls running) {
        this.engine = engine;
        this.codec = codec;
        this.sessions = sessions;
        this.listens = listens;
        this.stateless = options.stateless();
        this.jsonResponse = options.jsonResponse();
        this.maxRequestBytes = options.maxRequestBytes();
        this.slots = new CallSlots(options.maxConcurrentCalls());
        this.cors = cors;
        this.guard = guard;
        this.running = running;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            HeaderMap headers = exchange.getRequestHeaders();
            String refusal = guard.refusal(headers.getFirst(Headers.HOST), headers.getFirst(Headers.ORIGIN));
            cors.decorate(exchange);
            if (refusal != null) {
                send(exchange, 403, codec.error(null, JsonRpcErrors.transport(403, refusal)), false);
            } else if (Methods.POST.equals(exchange.getRequestMethod())) {
                if (exchange.getRequestContentLength() > maxRequestBytes) {
                    tooLarge(exchange);
                } else {
                    exchange.dispatch(this);
                }
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
            return;
        }
        post(exchange);
    }

    private void post(HttpServerExchange exchange) throws Exception {
        exchange.startBlocking();
        byte[] body = exchange.getInputStream().readNBytes((int) Math.min(maxRequestBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxRequestBytes) {
            tooLarge(exchange);
            return;
        }
        HeaderMap headers = exchange.getRequestHeaders();
        String accept = headers.getFirst(Headers.ACCEPT);
        Boolean eventStream = jsonResponse ? Boolean.FALSE : answerAsEventStream(accept);
        if (eventStream == null) {
            refuse(exchange, JsonRpcErrors.transport(406,
                    "Not Acceptable: the client must accept application/json or text/event-stream"));
            return;
        }
        JsonNode node;
        JsonRpcMessage message;
        Classification classification;
        try {
            node = codec.parse(body);
        } catch (JsonRpcException e) {
            send(exchange, e.httpStatus(), codec.error(null, e), eventStream);
            return;
        }
        if (JsonRpcCodec.isResponse(node)) {
            exchange.setStatusCode(202);
            return;
        }
        try {
            message = codec.toMessage(node);
        } catch (JsonRpcException e) {
            send(exchange, e.httpStatus(), codec.error(JsonRpcCodec.idOf(node), e), eventStream);
            return;
        }
        InboundHeaders inbound = new InboundHeaders(headers.getFirst(PROTOCOL_VERSION), headers.getFirst(MCP_METHOD),
                headers.getFirst(MCP_NAME), headers.getFirst(SESSION_ID));
        LegacySession session;
        try {
            classification = EraClassifier.classifyHttp(message, inbound);
            session = classification.modern() || stateless || isInitialize(message) ? null
                    : session(inbound.sessionId());
        } catch (JsonRpcException e) {
            send(exchange, e.httpStatus(), codec.error(message.id(), e), eventStream);
            return;
        }
        if (message.isNotification()) {
            if (session != null && message.method().equals("notifications/cancelled")) {
                session.cancel(message.params().path("requestId"));
            }
            exchange.setStatusCode(202);
            return;
        }
        if (McpEngine.opensListenStream(message, classification)) {
            listen(exchange, message);
            return;
        }
        boolean streamable = !jsonResponse && accept != null && accept.contains(EVENT_STREAM);
        if (!McpEngine.runsEndpoint(message.method())) {
            answer(exchange, message, classification, session, eventStream, false);
        } else if (slots.tryAcquire()) {
            try {
                answer(exchange, message, classification, session, eventStream, streamable);
            } finally {
                slots.release();
            }
        } else {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
            send(exchange, 503, codec.error(message.id(), slots.busy()), false);
        }
    }

    /** 413 naming the limit; the connection is closed rather than the rest of the body read. */
    private void tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        refuse(exchange, JsonRpcErrors.transport(413, "Payload Too Large: the request body exceeds the limit of "
                + maxRequestBytes + " bytes (transport.http.max_request_bytes)"));
    }

    /**
     * Answers a request. An endpoint call whose client accepts an event stream gets a notification channel: its
     * first progress or log message turns the answer into that request's own stream.
     */
    private void answer(HttpServerExchange exchange, JsonRpcMessage request, Classification classification,
            LegacySession session, boolean eventStream, boolean streamable) {
        CallCancellation cancellation = new CallCancellation();
        if (session != null) {
            session.track(request.id(), cancellation);
        }
        EventStreamAnswer stream = streamable ? new EventStreamAnswer(exchange, codec.mapper()) : null;
        int status = 200;
        byte[] response;
        // only calls that run an endpoint last long enough to be worth watching for a client that leaves
        try (RunningCalls.Tracked tracked = running.track(cancellation);
                DisconnectWatch.Handle watch = McpEngine.runsEndpoint(request.method())
                        ? DisconnectWatch.watch(exchange, cancellation) : DisconnectWatch.NOT_WATCHED) {
            response = codec.result(request.id(), engine.handle(request, new RequestContext(classification,
                    lowerCased(exchange.getRequestHeaders()), cancellation,
                    stream == null ? NotificationChannel.NONE : stream, session == null ? null : session.logLevel())));
            if (isInitialize(request) && !stateless) {
                exchange.getResponseHeaders().put(SESSION_ID, sessions.create().id());
            }
        } catch (JsonRpcException e) {
            status = e.httpStatus();
            response = codec.error(request.id(), e);
        } finally {
            if (session != null) {
                session.untrack(request.id(), cancellation);
            }
        }
        if (stream == null || !stream.finish(response)) {
            send(exchange, status, response, eventStream);
        }
    }

    /** A 2026-07-28 listen stream: the acknowledgement first, then held open until either side ends it. */
    private void listen(HttpServerExchange exchange, JsonRpcMessage request) throws Exception {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            send(exchange, 406, codec.error(request.id(), JsonRpcErrors.transport(406,
                    "Not Acceptable: subscriptions/listen answers with text/event-stream")), false);
            return;
        }
        String acknowledgement;
        try {
            acknowledgement = codec.mapper().writeValueAsString(engine.acknowledge(request));
        } catch (JsonRpcException e) {
            send(exchange, e.httpStatus(), codec.error(request.id(), e), false);
            return;
        }
        exchange.getResponseHeaders().put(ACCEL_BUFFERING, "no").put(Headers.CACHE_CONTROL, "no-cache");
        new ServerSentEventHandler((connection, lastEventId) -> {
            listens.add(connection, request.id());
            connection.setKeepAliveTime(STREAM_KEEP_ALIVE_MS);
            connection.send(acknowledgement, "message", null, null);
        }).handleRequest(exchange);
    }

    private static boolean isInitialize(JsonRpcMessage message) {
        return message.method().equals("initialize");
    }

    private LegacySession session(String id) throws JsonRpcException {
        if (id == null) {
            throw JsonRpcErrors.sessionRequired();
        }
        LegacySession session = sessions.find(id);
        if (session == null) {
            throw JsonRpcErrors.sessionNotFound(id);
        }
        return session;
    }

    /** GET: the legacy server-to-client stream of a session (held open; notifications go there). */
    private void openStream(HttpServerExchange exchange) throws Exception {
        if (stateless) {
            refuse(exchange, JsonRpcErrors.transport(405, "Method not allowed: a stateless server has no GET stream"));
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            refuse(exchange, JsonRpcErrors.transport(406, "Not Acceptable: the client must accept text/event-stream"));
            return;
        }
        LegacySession session;
        try {
            session = session(exchange.getRequestHeaders().getFirst(SESSION_ID));
        } catch (JsonRpcException e) {
            refuse(exchange, e);
            return;
        }
        if (session.hasOpenStream()) {
            refuse(exchange, JsonRpcErrors.transport(409, "Conflict: the session already has an open stream"));
            return;
        }
        exchange.getResponseHeaders().put(ACCEL_BUFFERING, "no").put(Headers.CACHE_CONTROL, "no-cache");
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
        String id = exchange.getRequestHeaders().getFirst(SESSION_ID);
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
        send(exchange, error.httpStatus(), codec.error(null, error), false);
    }

    /**
     * JSON unless the client accepts only an event stream; null when it accepts neither. A single answer as
     * JSON is what every client reads, and it costs less than a stream.
     */
    private static Boolean answerAsEventStream(String accept) {
        if (accept == null || accept.isBlank() || accept.contains("application/json") || accept.contains("*/*")
                || accept.contains("application/*")) {
            return Boolean.FALSE;
        }
        return accept.contains(EVENT_STREAM) ? Boolean.TRUE : null;
    }

    private static void send(HttpServerExchange exchange, int status, byte[] json, boolean eventStream) {
        exchange.setStatusCode(status);
        byte[] body = json;
        if (eventStream) {
            EventStreamAnswer.eventStreamHeaders(exchange);
            body = EventStreamAnswer.frame(json);
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** The request's headers for the core: names lower-cased, first value of each. */
    private static Map<String, String> lowerCased(HeaderMap headers) {
        Map<String, String> map = new HashMap<>(headers.size() * 2);
        for (HeaderValues values : headers) {
            map.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
        }
        return map;
    }
}
