package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.protocol.NotificationChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * The answer to one POST as its own {@code text/event-stream}, opened by the request's first notification: the
 * notifications go out as they come, the response is the last event. A request that sends no notification is
 * answered as usual (JSON, which costs less). The stream is written by the thread running the call, in blocking mode.
 */
final class EventStreamAnswer implements NotificationChannel {
    static final String EVENT_STREAM = "text/event-stream";
    static final HttpString ACCEL_BUFFERING = new HttpString("X-Accel-Buffering");
    private static final byte[] PREFIX = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);

    private final HttpServerExchange exchange;
    private final ObjectMapper mapper;
    private OutputStream stream;
    private boolean closed;

    EventStreamAnswer(HttpServerExchange exchange, ObjectMapper mapper) {
        this.exchange = exchange;
        this.mapper = mapper;
    }

    /** One JSON-RPC message as an SSE event. */
    static byte[] frame(byte[] json) {
        byte[] event = new byte[PREFIX.length + json.length + 2];
        System.arraycopy(PREFIX, 0, event, 0, PREFIX.length);
        System.arraycopy(json, 0, event, PREFIX.length, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
    }

    static void eventStreamHeaders(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, EVENT_STREAM).put(Headers.CACHE_CONTROL, "no-cache")
                .put(ACCEL_BUFFERING, "no");
    }

    /** Sends a notification now; dropped once the answer is written or the client has gone. */
    @Override
    public synchronized void send(ObjectNode notification) {
        if (closed) {
            return;
        }
        try {
            if (stream == null) {
                if (!exchange.isBlocking()) {
                    exchange.startBlocking();
                }
                exchange.setStatusCode(200);
                eventStreamHeaders(exchange);
                stream = exchange.getOutputStream();
            }
            stream.write(frame(mapper.writeValueAsBytes(notification)));
            stream.flush();
        } catch (IOException e) {
            closed = true;
        }
    }

    /**
     * Ends the sending of notifications once the call has its response.
     *
     * @return true when a notification opened the stream: the response must then be written with {@link #finish};
     *         false when the caller answers as usual
     */
    synchronized boolean seal() {
        closed = true;
        return stream != null;
    }

    /** Writes the response as the last event of an opened stream and ends it; null ends it without one. */
    synchronized void finish(byte[] response) {
        try (OutputStream out = stream) {
            if (response != null) {
                out.write(frame(response));
            }
        } catch (IOException e) {
            // the client has gone; nothing is left to tell it
        }
    }
}
