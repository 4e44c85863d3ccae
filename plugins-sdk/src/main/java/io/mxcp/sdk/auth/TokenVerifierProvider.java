package io.mxcp.sdk.auth;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks bearer tokens minted by an external issuer: the server in verifier mode ({@code auth.mode: verifier}).
 * Register an implementation as an OSGi service; the server picks it by {@link #providerName()} and opens one
 * {@link TokenVerifier} per server start (again when the service is replaced).
 *
 * @since 2.0
 */
@ConsumerType
public interface TokenVerifierProvider {

    /** The name used in the user config's {@code auth.provider} ({@code oidc}, ...). */
    String providerName();

    /**
     * A verifier for one configuration. Must not block on the network: discovery and key sets are fetched when
     * the first token arrives, so a server starts while its issuer is down.
     *
     * @param settings this provider's block of the user config (references resolved)
     * @throws AuthException when the settings are unusable; the message names the field, and the server does not
     *                       start (a status of 429, 502, 503 or 504 says instead that something it needs cannot be
     *                       reached now: the server starts and opens it again at the next request)
     */
    TokenVerifier open(Map<String, Object> settings) throws AuthException;
}
