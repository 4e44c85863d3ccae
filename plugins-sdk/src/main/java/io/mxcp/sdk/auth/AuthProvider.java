package io.mxcp.sdk.auth;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adapter to one upstream OAuth 2 / OIDC service (GitHub, Google, Keycloak, ...) for issuer mode: the server is the
 * authorization server of its MCP clients and signs users in at this provider. Register an implementation as an
 * OSGi service; the server picks it by {@link #providerName()} and opens one {@link UpstreamLogin} per server start
 * (again when the service is replaced).
 */
@ConsumerType
public interface AuthProvider {

    /** The name used in the user config's {@code auth.provider} ({@code github}, {@code keycloak}, ...). */
    String providerName();

    /**
     * The login for one configuration. Called when the server starts: it may ask the provider (OIDC discovery), and
     * its failure stops the start.
     *
     * @param settings    this provider's block of the user config (references resolved)
     * @param callbackUrl where the provider sends the user back: the server's base URL and {@code callback_path};
     *                    it must be registered at the provider
     * @throws AuthException when the settings are unusable (the message names the field: the server does not
     *                       start) or the provider cannot be reached (status 429, 502, 503 or 504: the server starts
     *                       and opens it again at the next request)
     * @since 2.0
     */
    UpstreamLogin open(Map<String, Object> settings, String callbackUrl) throws AuthException;

    /**
     * Where users sign in, as they know it, for the consent page and the errors shown to them ({@code GitHub}, an
     * identity provider's host, ...). Called without opening a login, also while the provider cannot be reached.
     *
     * @param settings this provider's block of the user config, as for {@link #open}
     * @since 2.1
     */
    default String displayName(Map<String, Object> settings) {
        return providerName();
    }
}
