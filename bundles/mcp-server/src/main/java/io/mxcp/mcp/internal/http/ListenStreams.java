package io.mxcp.mcp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.protocol.ListKind;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.undertow.server.handlers.sse.ServerSentEventConnection;

/**
 * The open 2026-07-28 {@code subscriptions/listen} streams of one HTTP server. The client ends one by closing
 * it; at shutdown the server ends each with the listen request's final result.
 */
final class ListenStreams {
    /** One stream: the listen request's id (the subscription id) and the list changes it asked for. */
    private record Listen(JsonNode id, Set<ListKind> listChanged) {
    }

    private final Map<ServerSentEventConnection, Listen> open = new ConcurrentHashMap<>();
    private final McpEngine engine;
    private final JsonRpcCodec codec;

    ListenStreams(McpEngine engine, JsonRpcCodec codec) {
        this.engine = engine;
        this.codec = codec;
    }

    void add(ServerSentEventConnection connection, JsonNode listenId, Set<ListKind> listChanged) {
        open.put(connection, new Listen(listenId, listChanged));
        connection.addCloseTask(closed -> open.remove(closed));
    }

    /** Sends each stream the notifications of the changed kinds it asked for. */
    void listsChanged(Set<ListKind> changed) {
        open.forEach((connection, listen) -> {
            for (ListKind kind : changed) {
                if (listen.listChanged().contains(kind)) {
                    connection.send(text(kind, listen.id()), "message", null, null);
                }
            }
        });
    }

    private String text(ListKind kind, JsonNode subscriptionId) {
        try {
            return codec.mapper().writeValueAsString(kind.notification(codec.mapper(), subscriptionId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
