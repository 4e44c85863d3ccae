package io.mxcp.core.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointExecutor;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.exec.ProjectRuntime;

/**
 * A project's executor sessions, one per executor service, opened on first use. A call runs under a {@link Lease}
 * on the newest executor for its language whose session is open. When a newer executor arrives for a language the
 * project uses, its session is opened in the background while the older one keeps serving; once it is open the
 * older sessions drain and close. When an executor goes, its removal waits (bounded) for such a successor, so calls
 * do not wait for a new session to open (a Python interpreter takes seconds to start) — HOTSWAP.md rule 6.
 */
public final class ExecutorSessions implements AutoCloseable, ExecutorRegistry.Listener {

    /** How long a leaving executor's removal waits for its successor's session; under SCR's 5 s lock timeout. */
    private static final long HANDOVER_MILLIS = 3000;
    private static final String SQL = "sql";

    private final ExecutorRegistry registry;
    private final ProjectRuntime runtime;
    private final Map<EndpointExecutor, SessionSlot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ExecutorSessions(ExecutorRegistry registry, ProjectRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
        registry.addListener(this);
    }

    /** A session of the newest ready executor for the language, held until the lease is closed. */
    public Lease acquire(String language) throws EndpointExecutionException, UnsupportedLanguageException {
        while (true) {
            if (closed) {
                throw new EndpointExecutionException("The project is closed");
            }
            EndpointExecutor newest = registry.newest(language);
            if (newest == null) {
                throw new UnsupportedLanguageException(language, registry.languages());
            }
            SessionSlot slot = slots.get(newest);
            if (slot == null || !slot.isOpen()) {
                // the newest executor's session is not open (yet): an older one that is serves, else open it now
                SessionSlot ready = newestOpen(registry.candidates(language));
                slot = ready != null ? ready : slots.computeIfAbsent(newest, SessionSlot::new);
            }
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

    /**
     * Opens a session for every installed language now, SQL's first: it opens the project's database, so a database
     * another process holds is reported before a Python interpreter spends seconds importing the project's modules.
     * A language whose executor left meanwhile (a stop signal during the start) needs no session.
     *
     * @throws EndpointExecutionException the first session that fails to open (with its cause, for --debug)
     */
    public void openAll() throws EndpointExecutionException {
        List<String> languages = new ArrayList<>(registry.languages());
        if (languages.remove(SQL)) {
            languages.addFirst(SQL);
        }
        for (String language : languages) {
            try (Lease lease = acquire(language)) {
                lease.session();
            } catch (UnsupportedLanguageException gone) {
                // its executor left: nothing to open
            }
        }
    }

    /** A new executor for a language in use here starts opening its session; the older ones serve meanwhile. */
    @Override
    public void added(EndpointExecutor executor) {
        if (closed || newestOpen(registry.candidates(executor.language())) == null) {
            return; // the language is not in use yet: its first call opens the newest executor's session
        }
        SessionSlot slot = slots.computeIfAbsent(executor, SessionSlot::new);
        slot.warmUp(runtime, () -> retireOlderThan(executor));
    }

    /** Holds the leaving executor's removal until a newer executor's session warming up is open (bounded). */
    @Override
    public void leaving(EndpointExecutor executor) {
        List<EndpointExecutor> candidates = registry.candidates(executor.language());
        int leaving = candidates.indexOf(executor);
        for (EndpointExecutor newer : candidates.subList(0, Math.max(leaving, 0))) {
            SessionSlot slot = slots.get(newer);
            if (slot != null && slot.awaitOpen(HANDOVER_MILLIS)) {
                return;
            }
        }
    }

    @Override
    public void removed(EndpointExecutor executor) {
        retire(executor);
    }

    private SessionSlot newestOpen(List<EndpointExecutor> candidates) {
        for (EndpointExecutor candidate : candidates) {
            SessionSlot slot = slots.get(candidate);
            if (slot != null && slot.isOpen()) {
                return slot;
            }
        }
        return null;
    }

    /** Only the newest open session of a language is kept: the older ones drain and close. */
    private void retireOlderThan(EndpointExecutor executor) {
        List<EndpointExecutor> candidates = registry.candidates(executor.language());
        int newest = candidates.indexOf(executor);
        if (newest < 0) {
            return; // already gone again
        }
        for (EndpointExecutor older : candidates.subList(newest + 1, candidates.size())) {
            retire(older);
        }
    }

    /** Drains and closes the executor's session; returns once it is closed, whoever began closing it. */
    private void retire(EndpointExecutor executor) {
        SessionSlot slot = slots.get(executor);
        if (slot != null) {
            slot.retire();
            slots.remove(executor, slot);
        }
    }

    @Override
    public void close() {
        closed = true;
        registry.removeListener(this);
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
