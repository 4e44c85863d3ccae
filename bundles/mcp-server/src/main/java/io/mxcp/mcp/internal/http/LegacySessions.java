package io.mxcp.mcp.internal.http;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.mcp.internal.auth.UserKeys;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.protocol.LegacyState;
import io.mxcp.mcp.internal.protocol.ReloadNotice;
import io.mxcp.sdk.auth.UserContext;

/**
 * The live 2025-era sessions of one HTTP server, by {@code Mcp-Session-Id}. A client that goes away without
 * {@code DELETE} leaves its session behind; {@link #endIdle} ends those nobody has used for a while, and their
 * client gets "Session not found" (HTTP 404) next time, which tells it to initialize again.
 */
final class LegacySessions {
    private static final System.Logger LOG = System.getLogger(LegacySessions.class.getName());
    /** About 4 MB of sessions (430 bytes each, measured): far more clients than one server has at once. */
    static final int MAX_SESSIONS = 10_000;

    private final Map<String, LegacySession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom ids = new SecureRandom();
    private final ObjectMapper mapper;
    private final LongSupplier clock;

    LegacySessions(ObjectMapper mapper) {
        this(mapper, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    LegacySessions(ObjectMapper mapper, LongSupplier clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * A new session of that user (null: anonymous), with an id of 128 random bits. At {@link #MAX_SESSIONS} the least
     * recently used tenth of the sessions without a stream or a call in flight are ended first (their clients
     * initialize again, as after expiry), so a client opening sessions in a loop cannot grow the server's memory
     * without bound; when every session is busy the new one is refused (503).
     */
    LegacySession create(UserContext owner) throws JsonRpcException {
        if (sessions.size() >= MAX_SESSIONS && makeRoom() == 0) {
            throw JsonRpcErrors.transport(503, "Server busy: " + MAX_SESSIONS + " MCP sessions are open and in use; "
                    + "retry later");
        }
        byte[] random = new byte[16];
        ids.nextBytes(random);
        LegacySession session = new LegacySession(HexFormat.of().formatHex(random), UserKeys.of(owner),
                new LegacyState(mapper));
        session.touch(clock.getAsLong());
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * The session, or null when unknown, ended or another user's (a session id alone never lets a caller in); finding
     * it counts as using it.
     */
    LegacySession find(String id, UserContext user) {
        LegacySession session = sessions.get(id);
        if (session != null && !session.ownedBy(user)) {
            return null;
        }
        if (session != null) {
            session.touch(clock.getAsLong());
        }
        return session;
    }

    /** The session a request names, or the transport error for a missing or unknown one. */
    LegacySession require(String id, UserContext user) throws JsonRpcException {
        if (id == null) {
            throw JsonRpcErrors.sessionRequired();
        }
        LegacySession session = find(id, user);
        if (session == null) {
            throw JsonRpcErrors.sessionNotFound(id);
        }
        return session;
    }

    /** Ends the user's session; false when it was unknown or another user's. */
    boolean end(String id, UserContext user) {
        LegacySession known = sessions.get(id);
        return known != null && known.ownedBy(user) && end(id);
    }

    private boolean end(String id) {
        LegacySession session = sessions.remove(id);
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    private synchronized int makeRoom() {
        if (sessions.size() < MAX_SESSIONS) {
            return 1; // another request made room meanwhile
        }
        List<LegacySession> unused = sessions.values().stream().filter(LegacySession::unused)
                .sorted(Comparator.comparingLong(LegacySession::lastActive)).limit(MAX_SESSIONS / 10).toList();
        int ended = 0;
        for (LegacySession session : unused) {
            if (end(session.id())) {
                ended++;
            }
        }
        if (ended > 0) {
            LOG.log(System.Logger.Level.INFO, "Ended the " + ended + " least recently used MCP session(s): the server "
                    + "keeps at most " + MAX_SESSIONS);
        }
        return ended;
    }

    /** Tells every session on its GET stream what a reload changed. */
    void reloaded(ReloadNotice notice) {
        sessions.values().forEach(session -> notice.forLegacy(session.state())
                .forEach(message -> session.sendOnStream(message.toString())));
    }

    /**
     * Ends the sessions without an open stream or a call in flight that received nothing for {@code idle}.
     *
     * @return how many ended
     */
    int endIdle(Duration idle) {
        long cutoff = clock.getAsLong() - idle.toNanos();
        int ended = 0;
        for (LegacySession session : sessions.values()) {
            if (session.idleSince(cutoff) && end(session.id())) {
                ended++;
            }
        }
        if (ended > 0) {
            LOG.log(System.Logger.Level.INFO, "Ended " + ended + " MCP session(s) unused for " + idle.toMinutes()
                    + " minutes");
        }
        return ended;
    }

    /** At shutdown: closes every GET stream so the server can drain; calls in flight go on. */
    void closeStreams() {
        sessions.values().forEach(LegacySession::closeStream);
    }
}
