package io.mxcp.mcp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.undertow.server.handlers.sse.ServerSentEventConnection;

/**
 * The open 2026-07-28 {@code subscriptions/listen} streams of one HTTP server. The client ends one by closing
 * it; at shutdown the server ends each with the listen request's final result.
 */
final class ListenStreams {
    private final Map<ServerSentEventConnection, JsonNode> open = new ConcurrentHashMap<>();
    private final McpEngine engine;
    private final JsonRpcCodec codec;

    ListenStreams(McpEngine engine, JsonRpcCodec codec) {
        this.engine = engine;
        this.codec = codec;
    }

    void add(ServerSentEventConnection connection, JsonNode listenId) {
        open.put(connection, listenId);
        connection.addCloseTask(closed -> open.remove(closed));
    }

    /** Sends every stream its final result, then closes it. */
    void closeAll() {
        open.forEach((connection, listenId) -> {
            byte[] result = codec.result(listenId, engine.listenClosed(listenId));
            connection.send(new String(result, StandardCharsets.UTF_8), "message", null, new CloseAfterSend());
        });
    }

    private static final class CloseAfterSend implements ServerSentEventConnection.EventCallback {
        @Override
        public void done(ServerSentEventConnection connection, String data, String event, String id) {
            LegacySession.closeQuietly(connection);
        }

        @Override
        public void failed(ServerSentEventConnection connection, String data, String event, String id,
                java.io.IOException e) {
            LegacySession.closeQuietly(connection);
        }
    }
}
