package io.mxcp.mcp.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.mxcp.sdk.exec.Cancellation;


/** The endpoint calls the HTTP server is answering now, so that a stop can cancel those that outlast the drain. */
final class RunningCalls {

    private final Set<Cancellation> calls = ConcurrentHashMap.newKeySet();

    /** Ends the tracking of one call. */
    interface Tracked extends AutoCloseable {
        @Override
        void close();
    }

    /** Tracks a call until the returned handle is closed. */
    Tracked track(Cancellation call) {
        calls.add(call);
        return () -> calls.remove(call);
    }

    void cancelAll() {
        calls.forEach(Cancellation::cancel);
    }
}
