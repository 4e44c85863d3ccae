package io.mxcp.core.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mxcp.sdk.exec.EndpointExecutor;

/**
 * The executor services currently installed, newest last. Listeners (open projects) hear when one arrives, so they
 * can open a session of it before it takes calls, and when one goes, before and after it leaves the registry, so a
 * replacement can take over warm and the leaving one's sessions drain and close (HOTSWAP.md rules 6 and 7).
 */
public final class ExecutorRegistry {

    /** What an open project does as executors come and go; each method is called on the thread installing them. */
    public interface Listener {
        /** The executor was installed and is the newest for its language. */
        void added(EndpointExecutor executor);

        /** The executor is about to be removed and still serves: return once a successor can take over (bounded). */
        void leaving(EndpointExecutor executor);

        /** The executor no longer gets calls: drain and close what was opened from it. */
        void removed(EndpointExecutor executor);
    }

    private final CopyOnWriteArrayList<EndpointExecutor> executors = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    public void add(EndpointExecutor executor) {
        executors.add(executor);
        for (Listener listener : listeners) {
            listener.added(executor);
        }
    }

    /** Lets listeners hand over to a successor, stops routing calls to the executor, then lets them drain it. */
    public void remove(EndpointExecutor executor) {
        for (Listener listener : listeners) {
            listener.leaving(executor);
        }
        executors.remove(executor);
        for (Listener listener : listeners) {
            listener.removed(executor);
        }
    }

    /** The installed executors for the language, newest first. */
    public List<EndpointExecutor> candidates(String language) {
        List<EndpointExecutor> snapshot = List.copyOf(executors);
        List<EndpointExecutor> candidates = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            if (language.equals(snapshot.get(i).language())) {
                candidates.add(snapshot.get(i));
            }
        }
        return candidates;
    }

    /** The newest executor for the language, or null. */
    public EndpointExecutor newest(String language) {
        EndpointExecutor newest = null;
        for (EndpointExecutor executor : executors) {
            if (language.equals(executor.language())) {
                newest = executor;
            }
        }
        return newest;
    }

    /** The installed languages, sorted. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        executors.forEach(e -> languages.add(e.language()));
        return languages;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
