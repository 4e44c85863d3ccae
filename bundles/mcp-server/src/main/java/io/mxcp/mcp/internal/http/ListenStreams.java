package io.mxcp.mcp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.ReloadNotice;
import io.mxcp.mcp.internal.protocol.Subscriptions;
import io.undertow.server.handlers.sse.ServerSentEventConnection;

/**
 * The open 2026-07-28 {@code subscriptions/listen} streams of one HTTP server. The client ends one by closing
 * it; at shutdown the server ends each with the listen request's final result.
 */
final class ListenStreams {
    /** One stream: the listen request's id (the subscription id) and what it carries. */
    private record Listen(JsonNode id, Subscriptions.Acknowledgement subscribed) {
    }

    private final Map<ServerSentEventConnection, Listen> open = new ConcurrentHashMap<>();
    private final McpEngine engine;
    private final JsonRpcCodec codec;

    ListenStreams(McpEngine engine, JsonRpcCodec codec) {
        this.engine = engine;
        this.codec = codec;
    }

    /**
     * Sends the stream's first message, the acknowledgement (serialized {@code subscribed.message()}), and keeps the
     * stream. A reload meanwhile waits, so that
     * its notifications come after the acknowledgement and reach this stream.
     */
    void open(ServerSentEventConnection connection, JsonNode listenId, Subscriptions.Acknowledgement subscribed,
            String acknowledgement) {
        synchronized (open) {
            connection.send(acknowledgement, "message", null, null);
            open.put(connection, new Listen(listenId, subscribed));
        }
        connection.addCloseTask(closed -> open.remove(closed));
    }

    /** Sends each stream what it asked to hear of a reload. */
    void reloaded(ReloadNotice notice) {
        synchronized (open) {
            open.forEach((connection, listen) -> notice.forListen(listen.subscribed(), listen.id())
                    .forEach(message -> connection.send(message.toString(), "message", null, null)));
        }
    }

    /** Sends every stream its final result, then closes it. */
    void closeAll() {
        open.forEach((connection, listen) -> {
            byte[] result = codec.result(listen.id(), engine.listenClosed(listen.id()));
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
