package io.mxcp.mcp.internal.auth;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.mxcp.sdk.auth.TokenVerifierProvider;

/**
 * The token verifier services currently installed, newest last (bound by the server component). Gates hear when one
 * goes, so they drop the verifier they opened from it before its bundle is gone.
 */
public final class TokenVerifiers {
    private final CopyOnWriteArrayList<TokenVerifierProvider> providers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<TokenVerifierProvider>> removalListeners =
            new CopyOnWriteArrayList<>();

    public void add(TokenVerifierProvider provider) {
        providers.add(provider);
    }

    public void remove(TokenVerifierProvider provider) {
        providers.remove(provider);
        removalListeners.forEach(listener -> listener.accept(provider));
    }

    void onRemoval(Consumer<TokenVerifierProvider> listener) {
        removalListeners.add(listener);
    }

    void stopListening(Consumer<TokenVerifierProvider> listener) {
        removalListeners.remove(listener);
    }

    /** The newest provider of that name, or null when none is installed. */
    TokenVerifierProvider newest(String name) {
        TokenVerifierProvider newest = null;
        for (TokenVerifierProvider provider : providers) {
            if (name.equals(provider.providerName())) {
                newest = provider;
            }
        }
        return newest;
    }
}
