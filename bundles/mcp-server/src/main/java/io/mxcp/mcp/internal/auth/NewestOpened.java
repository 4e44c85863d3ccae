package io.mxcp.mcp.internal.auth;

import java.util.Set;
import java.util.function.Consumer;

import io.mxcp.sdk.auth.AuthException;

/**
 * What this server opened from the newest installed service of a name (a token verifier, an upstream login). When
 * the service is replaced, the next use opens it anew from the successor and closes the old one (which finishes
 * what it began); when a service's bundle leaves, what was opened from it is closed at once so nothing of the
 * bundle stays referenced; while none is installed, every use fails (never a silent pass).
 *
 * @param <S> the service type
 * @param <T> what is opened from it
 */
public final class NewestOpened<S, T extends AutoCloseable> {

    /** Opens from a service. */
    public interface Opener<S, T> {
        T open(S service) throws AuthException;
    }

    /** The statuses of a provider that cannot be reached now, rather than of settings that are wrong. */
    private static final Set<Integer> UNREACHABLE = Set.of(429, 502, 503, 504);

    private final NamedServices<S> services;
    private final String name;
    private final Opener<S, T> opener;
    private final Consumer<S> removalListener = this::dropIfFrom;
    private volatile Opening<S, T> current;

    private record Opening<S, T>(S service, T opened) {
    }

    /**
     * Opens now, so a missing or misconfigured service stops the server's start. A service that cannot reach its
     * provider now (429, 502, 503, 504: an identity provider starting beside the server, or a blip) is opened again
     * at each use until it can, as the verifier's own discovery does: the server starts and answers 503 meanwhile.
     * Any other failure, a plain {@code AuthException(message)} (500) included, is a configuration no retry mends.
     */
    public NewestOpened(NamedServices<S> services, String name, Opener<S, T> opener) throws AuthException {
        this.services = services;
        this.name = name;
        this.opener = opener;
        S newest = newest();
        try {
            reopen(newest);
        } catch (AuthException e) {
            if (!UNREACHABLE.contains(e.status())) {
                throw e;
            }
            System.getLogger(NewestOpened.class.getName()).log(System.Logger.Level.WARNING, name + ": "
                    + e.getMessage() + "; trying again at its first use (until then such requests get 503)");
        }
        services.onRemoval(removalListener);
    }

    public T get() throws AuthException {
        S newest = newest();
        Opening<S, T> opening = current;
        return opening != null && opening.service() == newest ? opening.opened() : reopen(newest);
    }

    private S newest() throws AuthException {
        S newest = services.newest(name);
        if (newest == null) {
            throw new AuthException("No auth provider named " + name + " is installed (auth.provider)",
                    "temporarily_unavailable", 503);
        }
        return newest;
    }

    private synchronized T reopen(S newest) throws AuthException {
        Opening<S, T> opening = current;
        if (opening != null && opening.service() == newest) {
            return opening.opened();
        }
        current = new Opening<>(newest, opener.open(newest));
        if (opening != null) {
            closeQuietly(opening.opened());
        }
        return current.opened();
    }

    private synchronized void dropIfFrom(S removed) {
        if (current != null && current.service() == removed) {
            closeQuietly(current.opened());
            current = null;
        }
    }

    /** At server stop. */
    public synchronized void close() {
        services.stopListening(removalListener);
        if (current != null) {
            closeQuietly(current.opened());
            current = null;
        }
    }

    private static void closeQuietly(AutoCloseable opened) {
        try {
            opened.close();
        } catch (Exception e) {
            System.getLogger(NewestOpened.class.getName()).log(System.Logger.Level.WARNING,
                    "Closing " + opened + " failed: " + e);
        }
    }
}
