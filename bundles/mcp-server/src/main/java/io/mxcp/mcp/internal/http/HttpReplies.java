package io.mxcp.mcp.internal.http;

import java.nio.ByteBuffer;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** Writing one complete answer (JSON, or a single event of a stream) on the thread that calls it. */
final class HttpReplies {

    private HttpReplies() {
    }

    /** The status and headers of an answer; the body is written by {@link #write}. */
    static ByteBuffer prepare(HttpServerExchange exchange, int status, byte[] json, boolean eventStream) {
        exchange.setStatusCode(status);
        byte[] body = json;
        if (eventStream) {
            EventStreamAnswer.eventStreamHeaders(exchange);
            body = EventStreamAnswer.frame(json);
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        return ByteBuffer.wrap(body);
    }

    static void write(HttpServerExchange exchange, ByteBuffer body) {
        exchange.getResponseSender().send(body);
    }

    static void send(HttpServerExchange exchange, int status, byte[] json, boolean eventStream) {
        write(exchange, prepare(exchange, status, json, eventStream));
    }

    /** A transport-level refusal as plain JSON. */
    static void refuse(HttpServerExchange exchange, JsonRpcCodec codec, JsonRpcException error) {
        send(exchange, error.httpStatus(), codec.error(null, error), false);
    }
}
