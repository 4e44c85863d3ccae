package io.mxcp.mcp.internal.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.undertow.server.handlers.sse.ServerSentEventConnection;

import io.mxcp.mcp.internal.auth.Verdict;

/**
 * Ends the event streams (a legacy session's GET stream, a 2026-07-28 listen stream) whose bearer token no longer
 * admits its holder — expired, revoked, or refused by the provider — so that a stream does not outlive the token it
 * was opened with. Each watched stream's token is checked again every {@link #interval()} on the transport's sweeper
 * thread; a token the issuer cannot be asked about right now (503) keeps its stream. The client opens a new stream
 * with its current token.
 */
final class StreamTokens {

    private static final System.Logger LOG = System.getLogger(StreamTokens.class.getName());
    /** JVM property for operators who want streams re-checked more or less often (milliseconds). */
    static final String INTERVAL_PROPERTY = "mxcp.http.streamTokenCheckMillis";
    private static final long DEFAULT_INTERVAL_MILLIS = 60_000;

    private final Function<String, Verdict> check;
    private final Map<ServerSentEventConnection, String> watched = new ConcurrentHashMap<>();

    /** @param check the gate's check of an {@code Authorization} header */
    StreamTokens(Function<String, Verdict> check) {
        this.check = check;
    }

    /** How often the watched streams' tokens are checked. */
    static Duration interval() {
        return Duration.ofMillis(Math.max(10, Long.getLong(INTERVAL_PROPERTY, DEFAULT_INTERVAL_MILLIS)));
    }

    /** Watches a stream opened with this {@code Authorization} header; none (authentication off): not watched. */
    void watch(ServerSentEventConnection stream, String authorization) {
        if (authorization == null) {
            return;
        }
        watched.put(stream, authorization);
        stream.addCloseTask(closed -> watched.remove(closed));
    }

    /** Checks every watched stream's token again and closes the streams it no longer admits. */
    void recheck() {
        watched.forEach((stream, authorization) -> {
            Verdict verdict;
            try {
                verdict = check.apply(authorization);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking an event stream's token failed; the stream stays open: " + e);
                return;
            }
            if (!verdict.admitted() && verdict.status() != 503) {
                watched.remove(stream);
                LOG.log(Level.DEBUG, "Closing an event stream whose token no longer admits it: " + verdict.error());
                LegacySession.closeQuietly(stream);
            }
        });
    }
}
