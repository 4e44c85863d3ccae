package io.mxcp.mcp.internal.oauth;

import java.util.Map;

import io.mxcp.mcp.internal.auth.AuthProviders;
import io.mxcp.mcp.internal.auth.NewestOpened;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthProvider;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * The login at the configured provider. It is opened once the server is bound (the callback URL it registers needs
 * the server's port); until then, and while no provider of that name is installed, logins fail with 503.
 */
final class UpstreamLogins {
    private final AuthProviders providers;
    private final String provider;

    private volatile NewestOpened<AuthProvider, UpstreamLogin> opened;
    private volatile Map<String, Object> settings = Map.of();

    UpstreamLogins(AuthProviders providers, String provider) {
        this.providers = providers;
        this.provider = provider;
    }

    void open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        this.settings = settings;
        opened = new NewestOpened<>(providers, provider, service -> service.open(settings, callbackUrl));
    }

    /**
     * Where users sign in, as the installed provider names it for these settings (the configured name while none is
     * installed, or when it fails to say: the page that shows the name is often an error page already).
     */
    String displayName() {
        AuthProvider service = providers.newest(provider);
        if (service != null) {
            try {
                String name = service.displayName(settings);
                if (name != null && !name.isBlank()) {
                    return name;
                }
            } catch (RuntimeException e) {
                System.getLogger(UpstreamLogins.class.getName()).log(System.Logger.Level.WARNING,
                        provider + ": the provider's displayName failed", e);
            }
        }
        return provider;
    }

    UpstreamLogin get() throws AuthException {
        NewestOpened<AuthProvider, UpstreamLogin> login = opened;
        if (login == null) {
            throw new AuthException("The server is still starting", "temporarily_unavailable", 503);
        }
        return login.get();
    }

    String provider() {
        return provider;
    }

    void close() {
        NewestOpened<AuthProvider, UpstreamLogin> login = opened;
        if (login != null) {
            login.close();
        }
    }
}
