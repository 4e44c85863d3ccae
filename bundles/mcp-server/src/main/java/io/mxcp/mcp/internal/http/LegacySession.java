package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.auth.UserKeys;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.protocol.LegacyState;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.Cancellation;
import io.undertow.server.handlers.sse.ServerSentEventConnection;

/**
 * One 2025-era streamable HTTP session: its calls in flight, its optional GET event stream (which also carries the
 * server's own notifications: lists changed and subscribed resources updated on reload), and what the session
 * remembers between requests (log level, subscriptions, the server's requests to its client that wait for an
 * answer).
 */
final class LegacySession {
    private final String id;
    private final String owner;
    private final LegacyState state;
    private final Map<JsonNode, Cancellation> inFlight = new ConcurrentHashMap<>();
    /** Calls in flight the client cancelled, by identity. */
    private final Set<Cancellation> withdrawn = ConcurrentHashMap.newKeySet();
    private ServerSentEventConnection stream;
    /** When the client last sent something on this session, in the sessions' clock's nanoseconds. */
    private volatile long lastActive;

    /** @param owner who opened the session ({@link UserKeys#of}); null for an anonymous one */
    LegacySession(String id, String owner, LegacyState state) {
        this.id = id;
        this.owner = owner;
        this.state = state;
    }

    String id() {
        return id;
    }

    /** Whether a request of this user may use the session: a session never changes hands. */
    boolean ownedBy(UserContext user) {
        return Objects.equals(owner, UserKeys.of(user));
    }

    LegacyState state() {
        return state;
    }

    void touch(long now) {
        lastActive = now;
    }

    /** Whether nothing holds the session: no open stream, no call in flight, nothing received since {@code cutoff}. */
    boolean idleSince(long cutoff) {
        return unused() && lastActive - cutoff < 0;
    }

    /** Whether neither an open stream nor a call in flight holds the session now. */
    boolean unused() {
        return !hasOpenStream() && inFlight.isEmpty();
    }

    long lastActive() {
        return lastActive;
    }

    /**
     * Tracks a call for {@code notifications/cancelled} (again, for a batch's members, tracked before they run);
     * false when another call of the same id is in flight.
     */
    boolean track(JsonNode requestId, Cancellation cancellation) {
        Cancellation tracked = inFlight.putIfAbsent(requestId, cancellation);
        return tracked == null || tracked == cancellation;
    }

    /** Ends the tracking of a call; true when the client withdrew it ({@link #cancel}): it gets no answer. */
    boolean untrack(JsonNode requestId, Cancellation cancellation) {
        inFlight.remove(requestId, cancellation);
        return withdrawn.remove(cancellation);
    }

    /** A notification the client sent on this session: {@code notifications/cancelled} withdraws a request. */
    void notified(JsonRpcMessage notification) {
        if (notification.method().equals("notifications/cancelled")) {
            cancel(notification.params().path("requestId"));
        }
    }

    private void cancel(JsonNode requestId) {
        Cancellation call = inFlight.get(requestId);
        if (call != null) {
            withdrawn.add(call);
            call.cancel();
        }
    }

    /** Attaches the GET stream; false when one is open already. */
    boolean attach(ServerSentEventConnection connection) {
        synchronized (this) {
            if (stream != null && stream.isOpen()) {
                return false;
            }
            stream = connection;
        }
        // outside this session's lock, as sendOnStream: the connection's own lock is taken here
        connection.addCloseTask(closed -> detach(closed));
        return true;
    }

    /**
     * Sends a message on the GET stream; dropped when none is open (nowhere else may it go). Sent outside this
     * session's lock: the I/O thread closing a stream whose write failed holds the stream's lock while its close task
     * takes this one.
     */
    void sendOnStream(String message) {
        ServerSentEventConnection open = openStream();
        if (open != null) {
            open.send(message, "message", null, null);
        }
    }

    boolean hasOpenStream() {
        return openStream() != null;
    }

    private ServerSentEventConnection openStream() {
        ServerSentEventConnection current;
        synchronized (this) {
            current = stream;
        }
        return current != null && current.isOpen() ? current : null;
    }

    private synchronized void detach(ServerSentEventConnection closed) {
        if (stream == closed) {
            stream = null;
        }
    }

    /** Ends the session: cancels its calls and closes its stream. */
    void close() {
        inFlight.values().forEach(Cancellation::cancel);
        closeStream();
    }

    /** Closes the GET stream only (server shutdown lets the calls finish). */
    void closeStream() {
        ServerSentEventConnection open;
        synchronized (this) {
            open = stream;
            stream = null;
        }
        if (open != null) {
            closeQuietly(open);
        }
    }

    static void closeQuietly(ServerSentEventConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // the client is gone already
        }
    }
}
