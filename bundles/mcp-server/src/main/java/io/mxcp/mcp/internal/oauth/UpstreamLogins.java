package io.mxcp.mcp.internal.oauth;

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

    UpstreamLogins(AuthProviders providers, String provider) {
        this.providers = providers;
        this.provider = provider;
    }

    void open(java.util.Map<String, Object> settings, String callbackUrl) throws AuthException {
        opened = new NewestOpened<>(providers, provider, service -> service.open(settings, callbackUrl));
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
