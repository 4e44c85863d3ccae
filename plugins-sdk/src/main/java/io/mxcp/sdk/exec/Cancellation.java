package io.mxcp.sdk.exec;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancellation signal its owner fires: a transport when the client cancels or goes away, a command when the
 * operator presses Ctrl-C. Each action registered with {@link #onCancel} runs once.
 *
 * @since 1.5
 */
public final class Cancellation implements CancellationSignal {
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

    /** Cancels: runs the registered actions once, on the calling thread. Later calls do nothing. */
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
