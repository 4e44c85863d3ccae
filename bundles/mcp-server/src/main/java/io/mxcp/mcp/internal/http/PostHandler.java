package io.mxcp.mcp.internal.http;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.internal.auth.BearerGate;
import io.mxcp.mcp.internal.auth.Verdict;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.Classification;
import io.mxcp.mcp.internal.protocol.EraClassifier;
import io.mxcp.mcp.internal.protocol.InboundHeaders;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.mxcp.mcp.internal.protocol.ProtocolVersions;
import io.mxcp.mcp.internal.protocol.Subscriptions;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.Cancellation;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * POST {@code /mcp}: one JSON-RPC message. The connection belongs to its IO thread: the body is read there, a
 * worker runs the message, and the answer goes back to the IO thread to be written, after which Undertow readies
 * the connection for the next request on that same thread. An answer written by the worker would leave Undertow
 * handing the connection back across threads while its IO thread spins waiting (HttpReadListener's request state),
 * which with many connections on two cores cost a large share of the server's CPU. Only an answer that became an
 * event stream (a call that sent notifications) is written by the worker, in blocking mode.
 */
final class PostHandler {
    static final HttpString SESSION_ID = new HttpString("Mcp-Session-Id");
    private static final HttpString PROTOCOL_VERSION = new HttpString("MCP-Protocol-Version");
    private static final HttpString MCP_METHOD = new HttpString("Mcp-Method");
    private static final HttpString MCP_NAME = new HttpString("Mcp-Name");
    private static final String EVENT_STREAM = EventStreamAnswer.EVENT_STREAM;
    private static final long STREAM_KEEP_ALIVE_MS = 15_000;
    /** What a client told the server is busy waits before trying again. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final McpEngine engine;
    private final JsonRpcCodec codec;
    private final LegacySessions sessions;
    private final ListenStreams listens;
    private final StreamTokens streamTokens;
    private final boolean stateless;
    private final boolean jsonResponse;
    private static final long READ_MARGIN = 1 << 20;
    /**
     * A body declared up to this many times the limit is read and dropped after its 413, as the answer goes out: a
     * client writing all of its body before it reads (the JDK's, most scripts) then reads the 413, where closing at
     * once resets the connection under its writes and it sees only "broken pipe". A larger one is cut.
     */
    private static final long DRAINED_MULTIPLE = 4;

    private final long maxRequestBytes;
    private final int bodyDeadlineMs = ConnectionLimits.bodyDeadlineMs();
    private final CallSlots slots;
    private final BearerGate gate;
    private final BearerChallenge challenge;
    private final RefusalRecorder refusals;
    private final RequestRunner runner;
    private final BatchPost batches;

    PostHandler(McpEngine engine, JsonRpcCodec codec, LegacySessions sessions, ListenStreams listens,
            StreamTokens streamTokens, HttpServerOptions options, RunningCalls running, BearerGate gate,
            BearerChallenge challenge, RefusalRecorder refusals) {
        this.engine = engine;
        this.codec = codec;
        this.sessions = sessions;
        this.listens = listens;
        this.streamTokens = streamTokens;
        this.stateless = options.stateless();
        this.jsonResponse = options.jsonResponse();
        this.maxRequestBytes = options.maxRequestBytes();
        this.slots = new CallSlots(options.maxConcurrentCalls());
        this.gate = gate;
        this.challenge = challenge;
        this.refusals = refusals;
        this.runner = new RequestRunner(engine, codec, running, gate.enabled());
        this.batches = new BatchPost(codec, sessions, stateless, slots, runner);
    }

    /** Reads the body (IO thread), then hands the message to a worker. */
    void receive(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > maxRequestBytes) {
            if (declared / DRAINED_MULTIPLE <= maxRequestBytes) {
                exchange.setMaxEntitySize(declared); // Undertow reads the rest as the exchange ends
                BodyDeadline deadline = new BodyDeadline(bodyDeadlineMs); // a body trickled in is cut all the same
                exchange.addExchangeCompleteListener((done, next) -> {
                    deadline.ended();
                    next.proceed();
                });
                deadline.arm(exchange);
                refuseTooLarge(exchange);
            } else {
                tooLarge(exchange);
            }
            return;
        }
        if (!isJson(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE))) {
            // among them what a web page may POST cross-site without a preflight (none, text, a form): never a
            // client's MCP message
            exchange.setPersistent(false);
            HttpReplies.refuse(exchange, codec, JsonRpcErrors.transport(415,
                    "Unsupported Media Type: POST /mcp takes Content-Type application/json"));
            return;
        }
        // past the buffer's limit by more than one read, so that the 413 below answers before Undertow cuts the body
        exchange.setMaxEntitySize(maxRequestBytes + READ_MARGIN);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) Math.min(maxRequestBytes, Integer.MAX_VALUE - 8));
        BodyDeadline deadline = new BodyDeadline(bodyDeadlineMs);
        receiver.receiveFullBytes((complete, body) -> {
            deadline.ended();
            received(complete, body);
        }, (failed, error) -> {
            deadline.ended();
            if (error instanceof Receiver.RequestToLargeException) {
                tooLarge(failed);
            } else {
                failed.setPersistent(false);
                failed.endExchange();
            }
        });
        deadline.arm(exchange);
    }

    private void received(HttpServerExchange exchange, byte[] body) {
        Cancellation cancellation = new Cancellation();
        // armed here, on the IO thread, so that watching the connection costs no cross-thread wake-up
        DisconnectWatch.Handle watch = DisconnectWatch.watch(exchange, cancellation);
        PostedMessage posted = new PostedMessage(exchange, body, cancellation, watch);
        exchange.dispatch(dispatched -> handle(posted));
    }

    /** 413 naming the limit; the connection is closed rather than the rest of the body read. */
    private void tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        refuseTooLarge(exchange);
    }

    private void refuseTooLarge(HttpServerExchange exchange) {
        HttpReplies.refuse(exchange, codec, JsonRpcErrors.transport(413, "Payload Too Large: the request body "
                + "exceeds the limit of " + maxRequestBytes + " bytes (transport.http.max_request_bytes)"));
    }

    /** Runs one message (worker thread): the caller's token is checked first, as it may take a request to the issuer. */
    private void handle(PostedMessage posted) throws Exception {
        HttpServerExchange exchange = posted.exchange();
        HeaderMap headers = exchange.getRequestHeaders();
        Verdict verdict = gate.check(headers.getFirst(Headers.AUTHORIZATION));
        if (!verdict.admitted()) {
            refusals.refused(exchange, verdict, () -> {
                JsonNode parsed = parsedForRefusal(posted.body());
                return parsed == null ? null : parsed.path("method").textValue();
            });
            posted.refuse(challenge, verdict);
            return;
        }
        UserContext user = verdict.user();
        String accept = headers.getFirst(Headers.ACCEPT);
        Boolean eventStream = jsonResponse ? Boolean.FALSE : answerAsEventStream(accept);
        if (eventStream == null) {
            JsonNode id = JsonRpcCodec.idOf(parsedForRefusal(posted.body()));
            posted.reply(406, codec.error(id, JsonRpcErrors.transport(406,
                    "Not Acceptable: the client must accept application/json or text/event-stream")), false);
            return;
        }
        JsonNode node;
        try {
            node = codec.parse(posted.body());
        } catch (JsonRpcException e) {
            posted.reply(e.httpStatus(), codec.error(null, e), eventStream);
            return;
        }
        InboundHeaders inbound = new InboundHeaders(single(headers, PROTOCOL_VERSION), single(headers, MCP_METHOD),
                single(headers, MCP_NAME), single(headers, SESSION_ID));
        boolean streamable = !jsonResponse && AcceptHeader.names(accept, EVENT_STREAM);
        if (node.isArray()) {
            batches.handle(posted, node, inbound, user, eventStream,
                    streamable ? new EventStreamAnswer(exchange, codec.mapper()) : null);
            return;
        }
        if (JsonRpcCodec.isResponse(node)) {
            answered(posted, inbound, node, user, eventStream);
            return;
        }
        JsonRpcMessage message;
        try {
            message = codec.toMessage(node);
        } catch (JsonRpcException e) {
            posted.reply(e.httpStatus(), codec.error(JsonRpcCodec.idOf(node), e), eventStream);
            return;
        }
        Classification classification;
        LegacySession session;
        try {
            classification = EraClassifier.classifyHttp(message, inbound);
            session = classification.modern() || stateless || isInitialize(message) ? null
                    : sessions.require(inbound.sessionId(), user);
        } catch (JsonRpcException e) {
            if (JsonRpcErrors.isSessionNotFound(e)) {
                refusals.unknownSession(exchange, user, message.method());
            }
            posted.reply(e.httpStatus(), codec.error(message.id(), e), eventStream);
            return;
        }
        if (message.isNotification()) {
            if (session != null) {
                session.notified(message);
            }
            posted.replyEmpty(202);
            return;
        }
        if (McpEngine.opensListenStream(message, classification)) {
            posted.stopWatching();
            listen(exchange, message);
            return;
        }
        if (!McpEngine.runsEndpoint(message.method())) {
            answer(posted, message, classification, session, user, eventStream, false);
        } else if (slots.tryAcquire()) {
            try {
                answer(posted, message, classification, session, user, eventStream, streamable);
            } finally {
                slots.release();
            }
        } else {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
            posted.reply(503, codec.error(message.id(), slots.busy()), false);
        }
    }

    /**
     * Answers a request. An endpoint call whose client accepts an event stream gets a notification channel: its
     * first progress or log message turns the answer into that request's own stream.
     */
    private void answer(PostedMessage posted, JsonRpcMessage request, Classification classification,
            LegacySession session, UserContext user, boolean eventStream, boolean streamable) {
        HttpServerExchange exchange = posted.exchange();
        // an initialize opens its session first: the handler records there what the client may be asked
        LegacySession opened;
        try {
            opened = isInitialize(request) && !stateless ? sessions.create(user) : null;
        } catch (JsonRpcException e) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
            posted.reply(e.httpStatus(), codec.error(request.id(), e), eventStream);
            return;
        }
        EventStreamAnswer stream = streamable ? new EventStreamAnswer(exchange, codec.mapper()) : null;
        RequestRunner.Outcome outcome = runner.run(request, classification, exchange.getRequestHeaders(),
                posted.cancellation(), stream == null ? NotificationChannel.NONE : stream, session,
                opened != null ? opened : session, user);
        if (opened != null && outcome.failed()) {
            sessions.end(opened.id(), user);
        } else if (opened != null) {
            exchange.getResponseHeaders().put(SESSION_ID, opened.id());
        }
        posted.deliver(stream, outcome.status(), outcome.withdrawn() ? null : outcome.response(), eventStream);
    }

    /**
     * A client's answer to a request of the server. Only a legacy session's client is ever asked: a 2026-07-28 client
     * sends no responses (the server asks with {@code input_required} results), and one without its session is
     * refused as a request without it is. On a stateless server nothing was asked, so nothing is answered.
     */
    private void answered(PostedMessage posted, InboundHeaders inbound, JsonNode response, UserContext user,
            boolean eventStream) {
        if (ProtocolVersions.isModern(inbound.protocolVersion())) {
            posted.reply(400, codec.error(null, JsonRpcErrors.invalidRequest("a " + inbound.protocolVersion()
                    + " client sends no JSON-RPC responses: the server asks with input_required results")),
                    eventStream);
            return;
        }
        if (!stateless) {
            try {
                sessions.require(inbound.sessionId(), user).state().clientRequests().answer(response);
            } catch (JsonRpcException e) {
                posted.reply(e.httpStatus(), codec.error(null, e), eventStream);
                return;
            }
        }
        posted.replyEmpty(202);
    }

    /** A 2026-07-28 listen stream: the acknowledgement first, then held open until either side ends it. */
    private void listen(HttpServerExchange exchange, JsonRpcMessage request) throws Exception {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (!AcceptHeader.names(accept, EVENT_STREAM)) {
            HttpReplies.send(exchange, 406, codec.error(request.id(), JsonRpcErrors.transport(406,
                    "Not Acceptable: subscriptions/listen answers with text/event-stream")), false);
            return;
        }
        Subscriptions.Acknowledgement acknowledgement;
        try {
            acknowledgement = engine.acknowledge(request);
        } catch (JsonRpcException e) {
            HttpReplies.send(exchange, e.httpStatus(), codec.error(request.id(), e), false);
            return;
        }
        String opening = codec.mapper().writeValueAsString(acknowledgement.message());
        exchange.getResponseHeaders().put(EventStreamAnswer.ACCEL_BUFFERING, "no")
                .put(Headers.CACHE_CONTROL, "no-cache");
        new ServerSentEventHandler((connection, lastEventId) -> {
            connection.setKeepAliveTime(STREAM_KEEP_ALIVE_MS);
            listens.open(connection, request.id(), acknowledgement, opening);
            if (gate.enabled()) {
                streamTokens.watch(connection, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
            }
        }).handleRequest(exchange);
    }

    /** The body as JSON for what a refusal may echo of it (its method, its id), or null when it is not JSON. */
    private JsonNode parsedForRefusal(byte[] body) {
        try {
            return codec.parse(body);
        } catch (JsonRpcException e) {
            return null;
        }
    }

    /** {@code application/json} (any parameters) or a {@code +json} type. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip()
                .toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    /**
     * A header's value; a header sent more than once with different values gives them all, comma-separated, which
     * matches no method, name, version or session: a proxy reading one of them never routes a request the server
     * reads as another.
     */
    private static String single(HeaderMap headers, HttpString name) {
        HeaderValues values = headers.get(name);
        if (values == null || values.size() == 1 || values.stream().distinct().count() == 1) {
            return values == null ? null : values.getFirst();
        }
        return String.join(", ", values);
    }

    private static boolean isInitialize(JsonRpcMessage message) {
        return message.method().equals("initialize");
    }

    /**
     * JSON unless the client accepts only an event stream; null when it accepts neither. A single answer as
     * JSON is what every client reads, and it costs less than a stream.
     */
    private static Boolean answerAsEventStream(String accept) {
        if (AcceptHeader.allows(accept, "application/json")) {
            return Boolean.FALSE;
        }
        return AcceptHeader.allows(accept, EVENT_STREAM) ? Boolean.TRUE : null;
    }
}
