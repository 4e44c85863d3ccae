package io.mxcp.mcp.internal.http;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.protocol.LegacyState;
import io.mxcp.mcp.internal.protocol.ReloadNotice;

/** The live 2025-era sessions of one HTTP server, by {@code Mcp-Session-Id}. */
final class LegacySessions {
    private final Map<String, LegacySession> sessions = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    LegacySessions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    LegacySession create() {
        LegacySession session = new LegacySession(UUID.randomUUID().toString(), new LegacyState(mapper));
        sessions.put(session.id(), session);
        return session;
    }

    /** The session, or null when unknown or ended. */
    LegacySession find(String id) {
        return sessions.get(id);
    }

    /** The session a request names, or the transport error for a missing or unknown one. */
    LegacySession require(String id) throws JsonRpcException {
        if (id == null) {
            throw JsonRpcErrors.sessionRequired();
        }
        LegacySession session = sessions.get(id);
        if (session == null) {
            throw JsonRpcErrors.sessionNotFound(id);
        }
        return session;
    }

    /** Ends the session; false when it was unknown. */
    boolean end(String id) {
        LegacySession session = sessions.remove(id);
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    /** Tells every session on its GET stream what a reload changed. */
    void reloaded(ReloadNotice notice) {
        sessions.values().forEach(session -> notice.forLegacy(session.state())
                .forEach(message -> session.sendOnStream(message.toString())));
    }

    /** At shutdown: closes every GET stream so the server can drain; calls in flight go on. */
    void closeStreams() {
        sessions.values().forEach(LegacySession::closeStream);
    }
}
