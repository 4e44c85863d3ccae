package io.mxcp.mcp.internal.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.PendingAuthorization;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * {@code GET|POST /authorize}: checks the client, its redirect URI (exact match; never redirects to an unregistered
 * one) and its PKCE challenge (S256 only, required), keeps the request under a fresh state and sends the browser to
 * the upstream provider. Errors go to the client's redirect URI once it is known to be the client's, else as 400.
 */
final class AuthorizeEndpoint {
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    private final OAuthStore store;
    private final UpstreamLogins login;
    private final IssuerUrls urls;
    private final Clock clock;

    AuthorizeEndpoint(OAuthStore store, UpstreamLogins login, IssuerUrls urls,
            Clock clock) {
        this.store = store;
        this.login = login;
        this.urls = urls;
        this.clock = clock;
    }

    Redirect authorize(Map<String, String> parameters) throws OAuthError, OAuthStoreException, AuthException {
        String clientId = parameters.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "client_id is required");
        }
        OAuthClient client = store.client(clientId);
        if (client == null) {
            throw OAuthError.badRequest("invalid_request", "Client ID '" + clientId + "' not found");
        }
        String redirectUri = redirectUri(client, parameters.get("redirect_uri"));
        String state = parameters.get("state");
        OAuthError refusal = refusal(client, parameters);
        if (refusal != null) {
            return Redirect.error(redirectUri, refusal.error(), refusal.description(), state, urls.issuer(), 302);
        }
        UpstreamLogin upstream = login.get();
        String verifier = upstream.usesPkce() ? Pkce.newVerifier() : null;
        String upstreamState = Randoms.urlSafe(16);
        store.savePending(new PendingAuthorization(upstreamState, client.clientId(), redirectUri,
                parameters.get("code_challenge"), state, parameters.get("resource"), verifier,
                clock.instant().plus(PENDING_LIFETIME)));
        return new Redirect(upstream.authorizationUrl(upstreamState, verifier == null ? null : Pkce.challenge(verifier)),
                302);
    }

    /** The registered redirect URI the request names (or the only one), else a 400 that redirects nowhere. */
    private static String redirectUri(OAuthClient client, String requested) throws OAuthError {
        if (client.redirectUris().isEmpty()) {
            throw OAuthError.badRequest("invalid_request", "Client has no registered redirect URIs");
        }
        if (requested == null || requested.isBlank()) {
            if (client.redirectUris().size() == 1) {
                return client.redirectUris().get(0);
            }
            throw OAuthError.badRequest("invalid_request",
                    "redirect_uri must be specified when client has multiple registered URIs");
        }
        String registered = RedirectUris.registered(requested, client.redirectUris());
        if (registered == null) {
            throw OAuthError.badRequest("invalid_request", "Redirect URI '" + requested + "' not registered for client");
        }
        return requested;
    }

    /** Why the request cannot go on (sent to the client's redirect URI), or null. */
    private OAuthError refusal(OAuthClient client, Map<String, String> parameters) {
        if (!"code".equals(parameters.get("response_type"))) {
            return OAuthError.badRequest("unsupported_response_type", "response_type must be code");
        }
        String challenge = parameters.get("code_challenge");
        if (challenge == null || challenge.isBlank()) {
            return OAuthError.badRequest("invalid_request", "code_challenge is required (PKCE with S256)");
        }
        String method = parameters.get("code_challenge_method");
        if (method != null && !method.equals("S256")) {
            return OAuthError.badRequest("invalid_request", "code_challenge_method must be S256");
        }
        String scope = parameters.get("scope");
        if (scope != null && !scope.isBlank()) {
            List<String> allowed = client.scope() == null ? List.of() : Arrays.asList(client.scope().split(" "));
            for (String each : scope.trim().split("\\s+")) {
                if (!allowed.contains(each)) {
                    return OAuthError.badRequest("invalid_scope", "Client was not registered with scope " + each);
                }
            }
        }
        String resource = parameters.get("resource");
        if (resource != null && !urls.isOurs(resource)) {
            return OAuthError.badRequest("invalid_target", "resource must be " + urls.resource());
        }
        return null;
    }
}
