package io.mxcp.core.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * A project's executor sessions, one per executor service, opened lazily. A call runs under a
 * {@link Lease}; when an executor service goes away its session is closed after the leased calls end,
 * and the next call uses the newest executor for the language.
 */
public final class ExecutorSessions implements AutoCloseable {

    private final ExecutorRegistry registry;
    private final ProjectRuntime runtime;
    private final Map<EndpointExecutor, SessionSlot> slots = new ConcurrentHashMap<>();
    private final Consumer<EndpointExecutor> onRemoval = this::retire;
    private volatile boolean closed;

    public ExecutorSessions(ExecutorRegistry registry, ProjectRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
        registry.addRemovalListener(onRemoval);
    }

    /** A session of the newest executor for the language, held until the lease is closed. */
    public Lease acquire(String language) throws EndpointExecutionException, UnsupportedLanguageException {
        while (true) {
            if (closed) {
                throw new EndpointExecutionException("The project is closed");
            }
            EndpointExecutor executor = registry.current(language);
            if (executor == null) {
                throw new UnsupportedLanguageException(language, registry.languages());
            }
            SessionSlot slot = slots.computeIfAbsent(executor, SessionSlot::new);
            if (!slot.enter()) {
                continue;
            }
            try {
                return new Lease(slot, slot.session(runtime));
            } catch (EndpointExecutionException | RuntimeException e) {
                slot.leave();
                throw e;
            }
        }
    }

    /** Opens a session for every installed language now; returns the failures. */
    public List<String> openAll() {
        List<String> failures = new ArrayList<>();
        for (String language : registry.languages()) {
            try (Lease lease = acquire(language)) {
                lease.session();
            } catch (EndpointExecutionException | UnsupportedLanguageException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    private void retire(EndpointExecutor executor) {
        SessionSlot slot = slots.remove(executor);
        if (slot != null) {
            slot.retire();
        }
    }

    @Override
    public void close() {
        closed = true;
        registry.removeRemovalListener(onRemoval);
        for (EndpointExecutor executor : List.copyOf(slots.keySet())) {
            retire(executor);
        }
    }

    /** A call's hold on a session. */
    public static final class Lease implements AutoCloseable {
        private final SessionSlot slot;
        private final ExecutorSession session;

        Lease(SessionSlot slot, ExecutorSession session) {
            this.slot = slot;
            this.session = session;
        }

        public ExecutorSession session() {
            return session;
        }

        @Override
        public void close() {
            slot.leave();
        }
    }
}
