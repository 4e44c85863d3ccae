package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.sdk.exec.Cancellation;

class LegacySessionsTest {
    private static final Duration LIMIT = Duration.ofHours(1);

    private final AtomicLong now = new AtomicLong(1_000);
    private final LegacySessions sessions = new LegacySessions(Messages.JSON, now::get);

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void aSessionUnusedForTheLimitEndsAndItsClientIsToldItIsGone() throws Exception {
        LegacySession forgotten = sessions.create(null);
        LegacySession used = sessions.create(null);
        LegacySession calling = sessions.create(null);
        Cancellation longCall = new Cancellation();
        calling.track(Messages.JSON.valueToTree(7), longCall);

        pass(Duration.ofMinutes(59));
        assertEquals(0, sessions.endIdle(LIMIT), "nothing is idle for the limit yet");
        sessions.require(used.id(), null);
        pass(Duration.ofMinutes(2));

        assertEquals(1, sessions.endIdle(LIMIT));
        assertNull(sessions.find(forgotten.id(), null));
        JsonRpcException gone = assertThrows(JsonRpcException.class, () -> sessions.require(forgotten.id(), null));
        assertEquals(404, gone.httpStatus());
        assertNotNull(sessions.find(used.id(), null), "used within the limit");
        assertNotNull(sessions.find(calling.id(), null), "a call in flight keeps its session");
        assertFalse(longCall.isCancelled(), "and is not cancelled");
    }

    @Test
    void aClientOpeningSessionsInALoopEndsTheLeastRecentlyUsedOnesNotTheBusyOnes() throws Exception {
        LegacySession busy = sessions.create(null);
        busy.track(Messages.JSON.valueToTree(1), new Cancellation());
        pass(Duration.ofSeconds(1));
        LegacySession oldest = sessions.create(null);
        pass(Duration.ofSeconds(1));
        for (int i = 3; i < LegacySessions.MAX_SESSIONS; i++) {
            sessions.create(null);
        }
        pass(Duration.ofSeconds(1));
        LegacySession recent = sessions.create(null);
        LegacySession oneMore = sessions.create(null);
        assertNotNull(sessions.find(oneMore.id(), null));
        assertNull(sessions.find(oldest.id(), null), "the least recently used unused session made room");
        assertNotNull(sessions.find(busy.id(), null), "a session with a call in flight is kept");
        assertNotNull(sessions.find(recent.id(), null));
    }

    @Test
    void whenEverySessionIsInUseANewOneIsRefusedAsBusy() throws Exception {
        for (int i = 0; i < LegacySessions.MAX_SESSIONS; i++) {
            sessions.create(null).track(Messages.JSON.valueToTree(i), new Cancellation());
        }
        JsonRpcException busy = assertThrows(JsonRpcException.class, () -> sessions.create(null));
        assertEquals(503, busy.httpStatus());
    }
}
