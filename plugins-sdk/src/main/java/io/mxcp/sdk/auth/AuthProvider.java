package io.mxcp.sdk.auth;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adapter to one upstream OAuth 2 / OIDC service (GitHub, Google, Keycloak, ...). The server runs the
 * OAuth dance with the MCP client and calls this provider for the upstream legs. Register an
 * implementation as an OSGi service; the server picks it by {@link #providerName()}.
 */
@ConsumerType
public interface AuthProvider {

    /** The name used in the user config's {@code auth.provider} ({@code github}, {@code keycloak}, ...). */
    String providerName();

    /**
     * The upstream authorization URL the user's browser is sent to.
     *
     * @param settings      this provider's block of the user config
     * @param state         opaque state to carry through the redirect
     * @param redirectUri   where the upstream server sends the user back
     * @param codeChallenge PKCE S256 challenge, or null
     * @param scopes        scopes to request
     */
    String authorizationUrl(Map<String, Object> settings, String state, String redirectUri, String codeChallenge,
            List<String> scopes) throws AuthException;

    /** Exchanges an authorization code for tokens. */
    TokenSet exchangeCode(Map<String, Object> settings, String code, String redirectUri, String codeVerifier)
            throws AuthException;

    /** Refreshes an access token. */
    TokenSet refresh(Map<String, Object> settings, String refreshToken) throws AuthException;

    /** Looks up the user an access token belongs to. */
    UserContext userInfo(Map<String, Object> settings, TokenSet tokens) throws AuthException;
}
