package io.mxcp.auth.oidc.login;

import java.net.URI;

/**
 * Where a provider's legs of a login go.
 *
 * @param authorization the authorization endpoint (the user's browser goes there)
 * @param token         the token endpoint (code exchange and refresh)
 * @param userInfo      the user-info endpoint
 */
record ProviderEndpoints(URI authorization, URI token, URI userInfo) {
}
