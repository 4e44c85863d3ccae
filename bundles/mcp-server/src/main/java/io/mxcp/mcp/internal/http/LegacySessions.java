package io.mxcp.mcp.internal.http;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The live 2025-era sessions of one HTTP server, by {@code Mcp-Session-Id}. */
final class LegacySessions {
    private final Map<String, LegacySession> sessions = new ConcurrentHashMap<>();

    LegacySession create() {
        LegacySession session = new LegacySession(UUID.randomUUID().toString());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session, or null when unknown or ended. */
    LegacySession find(String id) {
        return sessions.get(id);
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

    /** At shutdown: closes every GET stream so the server can drain; calls in flight go on. */
    void closeStreams() {
        sessions.values().forEach(LegacySession::closeStream);
    }
}
