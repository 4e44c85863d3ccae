package io.mxcp.mcp.internal.oauth;

import java.net.URI;
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
    private static final Map<String, String> KNOWN_NAMES = Map.of("github", "GitHub", "google", "Google",
            "keycloak", "Keycloak", "atlassian", "Atlassian", "salesforce", "Salesforce");

    private volatile NewestOpened<AuthProvider, UpstreamLogin> opened;
    private volatile String displayName;

    UpstreamLogins(AuthProviders providers, String provider) {
        this.providers = providers;
        this.provider = provider;
        this.displayName = provider;
    }

    void open(Map<String, Object> settings, String callbackUrl) throws AuthException {
        displayName = displayName(settings);
        opened = new NewestOpened<>(providers, provider, service -> service.open(settings, callbackUrl));
    }

    /**
     * How the consent page names where the user signs in: the block's {@code provider_name}, an OIDC provider's
     * host, a known provider's own spelling, else the configured name.
     */
    private String displayName(Map<String, Object> settings) {
        if (settings.get("provider_name") instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        if (settings.get("config_url") instanceof String configUrl) {
            try {
                String host = URI.create(configUrl.strip()).getHost();
                if (host != null) {
                    return host;
                }
            } catch (IllegalArgumentException e) {
                // the provider refuses the URL when it opens; the configured name will do here
            }
        }
        return KNOWN_NAMES.getOrDefault(provider, provider);
    }

    /** The name the consent page shows for the provider. */
    String displayName() {
        return displayName;
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
