package io.mxcp.mcp.internal.auth;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The services of one kind currently installed, newest last (bound by the server component), found by the name
 * they serve under. Users hear when one goes, so they drop what they opened from it before its bundle is gone.
 */
public class NamedServices<S> {
    private final Function<S, String> nameOf;
    private final CopyOnWriteArrayList<S> services = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<S>> removalListeners = new CopyOnWriteArrayList<>();

    NamedServices(Function<S, String> nameOf) {
        this.nameOf = nameOf;
    }

    public void add(S service) {
        services.add(service);
    }

    public void remove(S service) {
        services.remove(service);
        removalListeners.forEach(listener -> listener.accept(service));
    }

    /** The newest service of that name, or null when none is installed. */
    public S newest(String name) {
        S newest = null;
        for (S service : services) {
            if (name.equals(nameOf.apply(service))) {
                newest = service;
            }
        }
        return newest;
    }

    public void onRemoval(Consumer<S> listener) {
        removalListeners.add(listener);
    }

    public void stopListening(Consumer<S> listener) {
        removalListeners.remove(listener);
    }
}
