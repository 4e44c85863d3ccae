package io.mxcp.executor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.exec.ExecutionContext;

/** An execution context with a user, headers and a cancellation signal the test can trigger. */
public final class TestContext implements ExecutionContext, CancellationSignal {

    private final UserContext user;
    private final Map<String, String> headers;
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public TestContext(UserContext user, Map<String, String> headers) {
        this.user = user;
        this.headers = headers;
    }

    public static TestContext none() {
        return new TestContext(null, Map.of());
    }

    @Override
    public Optional<UserContext> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public Map<String, String> requestHeaders() {
        return headers;
    }

    @Override
    public CancellationSignal cancellation() {
        return this;
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = List.copyOf(actions);
        }
        toRun.forEach(Runnable::run);
    }
}
