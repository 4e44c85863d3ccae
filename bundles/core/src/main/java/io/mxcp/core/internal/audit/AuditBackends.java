package io.mxcp.core.internal.audit;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.mxcp.sdk.audit.AuditBackend;

/**
 * The audit backend services currently installed, newest last. Writers hear when one goes, so they close the log
 * they opened from it before its bundle is gone; the next batch opens the log again from its successor.
 */
public final class AuditBackends {

    private final CopyOnWriteArrayList<AuditBackend> backends = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<AuditBackend>> removalListeners = new CopyOnWriteArrayList<>();

    public void add(AuditBackend backend) {
        backends.add(backend);
    }

    /** Stops handing the backend out, then lets every writer let go of it (on the thread removing it). */
    public void remove(AuditBackend backend) {
        backends.remove(backend);
        removalListeners.forEach(listener -> listener.accept(backend));
    }

    /** The newest backend of that name, or null. */
    public AuditBackend newest(String name) {
        AuditBackend newest = null;
        for (AuditBackend backend : backends) {
            if (name.equals(backend.backendName())) {
                newest = backend;
            }
        }
        return newest;
    }

    void onRemoval(Consumer<AuditBackend> listener) {
        removalListeners.add(listener);
    }

    void stopListening(Consumer<AuditBackend> listener) {
        removalListeners.remove(listener);
    }
}
