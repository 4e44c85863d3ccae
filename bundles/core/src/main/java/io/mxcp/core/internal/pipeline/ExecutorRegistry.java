package io.mxcp.core.internal.pipeline;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.mxcp.sdk.exec.EndpointExecutor;

/**
 * The executor services currently installed, newest last. When one goes away, the listeners (open
 * projects) are told so they can drain and close the sessions they opened from it (HOTSWAP.md rule 7).
 */
public final class ExecutorRegistry {

    private final CopyOnWriteArrayList<EndpointExecutor> executors = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<EndpointExecutor>> removalListeners = new CopyOnWriteArrayList<>();

    public void add(EndpointExecutor executor) {
        executors.add(executor);
    }

    /** Stops routing new calls to the executor, then lets every listener drain its sessions. */
    public void remove(EndpointExecutor executor) {
        executors.remove(executor);
        for (Consumer<EndpointExecutor> listener : removalListeners) {
            listener.accept(executor);
        }
    }

    /** The newest executor for the language, or null. */
    public EndpointExecutor current(String language) {
        List<EndpointExecutor> snapshot = List.copyOf(executors);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            if (language.equals(snapshot.get(i).language())) {
                return snapshot.get(i);
            }
        }
        return null;
    }

    /** The installed languages, sorted. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        executors.forEach(e -> languages.add(e.language()));
        return languages;
    }

    public void addRemovalListener(Consumer<EndpointExecutor> listener) {
        removalListeners.add(listener);
    }

    public void removeRemovalListener(Consumer<EndpointExecutor> listener) {
        removalListeners.remove(listener);
    }
}
