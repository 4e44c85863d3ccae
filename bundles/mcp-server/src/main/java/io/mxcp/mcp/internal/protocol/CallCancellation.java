package io.mxcp.mcp.internal.protocol;

import java.util.concurrent.CopyOnWriteArrayList;

import io.mxcp.sdk.exec.CancellationSignal;

/** A cancellation a transport fires (notifications/cancelled, closed connection, shutdown). */
public final class CallCancellation implements CancellationSignal {
    private final CopyOnWriteArrayList<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (cancelled && actions.remove(action)) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            if (actions.remove(action)) {
                action.run();
            }
        }
    }
}
