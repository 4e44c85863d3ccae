package io.mxcp.mcp.internal.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.PendingAuthorization;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * {@code GET|POST /authorize}: checks the client, its redirect URI (exact match but for a loopback port; never
 * redirects to an unregistered one) and its PKCE challenge (S256 only, required) and keeps the request. A client the
 * operator configured goes straight on to the provider, and its errors go to its redirect URI. A dynamically
 * registered client gets the consent page first, bound to the browser by a cookie, and its errors before the consent
 * are shown, not redirected (no open redirector through this server). {@code POST /authorize/consent} then sends an
 * allowed request to the provider.
 */
final class AuthorizeEndpoint {
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_STATE_LENGTH = 512;
    /** RFC 7636 §4.2: an S256 challenge is 43 characters; up to 128 is what a verifier may be. */
    private static final java.util.regex.Pattern CHALLENGE = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final OAuthStore store;
    private final ClientMetadataDocuments documents;
    private final UpstreamLogins login;
    private final IssuerUrls urls;
    private final Set<String> configuredClients;
    private final Clock clock;

    AuthorizeEndpoint(OAuthStore store, ClientMetadataDocuments documents, UpstreamLogins login, IssuerUrls urls,
            Set<String> configuredClients, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.login = login;
        this.urls = urls;
        this.configuredClients = configuredClients;
        this.clock = clock;
    }

    BrowserAnswer authorize(Map<String, String> parameters) throws OAuthError, OAuthStoreException, AuthException {
        String clientId = parameters.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "client_id is required");
        }
        OAuthClient client = client(clientId);
        String redirectUri = redirectUri(client, parameters.get("redirect_uri"));
        String state = parameters.get("state");
        boolean configured = configuredClients.contains(client.clientId());
        OAuthError refusal = refusal(client, parameters);
        if (refusal != null) {
            if (!configured) {
                throw refusal;
            }
            return Redirect.error(redirectUri, refusal.error(), refusal.description(), state, urls.issuer(), 302);
        }
        UpstreamLogin upstream = login.get();
        String verifier = upstream.usesPkce() ? Pkce.newVerifier() : null;
        String cookie = configured ? null : BrowserBinding.newValue();
        PendingAuthorization pending = new PendingAuthorization(
                configured ? PendingStates.sentToProvider() : PendingStates.awaitingConsent(), client.clientId(),
                redirectUri, parameters.get("code_challenge"), state, parameters.get("resource"), verifier,
                clock.instant().plus(PENDING_LIFETIME), cookie == null ? null : BrowserBinding.hash(cookie));
        store.savePending(pending);
        if (configured) {
            return toProvider(upstream, pending);
        }
        return ConsentPage.of(displayName(client), redirectUri, login.displayName(), parameters.get("scope"),
                pending.state(), binding().setCookie(cookie));
    }

    /**
     * A registered client from the store; a metadata document's client from its URL, kept in the store (updated at
     * every sign-in) so that the token endpoint knows it.
     */
    private OAuthClient client(String clientId) throws OAuthError, OAuthStoreException {
        if (ClientMetadataDocuments.isDocumentUrl(clientId) && !configuredClients.contains(clientId)) {
            OAuthClient described = documents.client(clientId);
            store.saveClient(described);
            return described;
        }
        OAuthClient client = store.client(clientId);
        if (client == null) {
            throw OAuthError.badRequest("invalid_request", "Client ID '" + clientId + "' not found");
        }
        return client;
    }

    /** The client's own name is its claim; a metadata document's host is where it was actually found. */
    private static String displayName(OAuthClient client) {
        if (ClientMetadataDocuments.isDocumentUrl(client.clientId())) {
            String host = URI.create(client.clientId()).getHost();
            return client.clientName() == null ? host : client.clientName() + " (" + host + ")";
        }
        return client.clientName() == null ? client.clientId() : client.clientName();
    }

    /**
     * The user's answer on the consent page, from the browser that asked (its cookie), once: allowed, the request
     * goes on to the provider under a new state; denied, the client hears {@code access_denied}.
     */
    BrowserAnswer consent(Map<String, String> form, String cookie) throws OAuthError, OAuthStoreException,
            AuthException {
        String request = form.get("request");
        PendingAuthorization pending = request == null || !PendingStates.awaitsConsent(request) ? null
                : store.takePending(request);
        if (pending == null) {
            throw OAuthError.badRequest("invalid_request",
                    "The authorization request is unknown or expired; start the sign-in again");
        }
        if (pending.browserBinding() == null || !BrowserBinding.matches(pending.browserBinding(), cookie)) {
            throw OAuthError.badRequest("invalid_request", "The authorization request was started in another browser");
        }
        if (!"allow".equals(form.get("decision"))) {
            return Redirect.error(pending.redirectUri(), "access_denied", "The user denied the request",
                    pending.clientState(), urls.issuer(), 302);
        }
        PendingAuthorization allowed = new PendingAuthorization(PendingStates.sentToProvider(), pending.clientId(),
                pending.redirectUri(), pending.codeChallenge(), pending.clientState(), pending.resource(),
                pending.upstreamCodeVerifier(), clock.instant().plus(PENDING_LIFETIME), pending.browserBinding());
        store.savePending(allowed);
        return toProvider(login.get(), allowed);
    }

    String cookieName() {
        return binding().cookieName();
    }

    private BrowserBinding binding() {
        return new BrowserBinding(urls.issuer().startsWith("https://"));
    }

    private static Redirect toProvider(UpstreamLogin upstream, PendingAuthorization pending) {
        String verifier = pending.upstreamCodeVerifier();
        return new Redirect(upstream.authorizationUrl(pending.state(),
                verifier == null ? null : Pkce.challenge(verifier)), 302);
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
        if (!CHALLENGE.matcher(challenge).matches()) {
            return OAuthError.badRequest("invalid_request", "code_challenge must be 43 to 128 characters of "
                    + "A-Z a-z 0-9 - . _ ~ (the base64url SHA-256 of the verifier)");
        }
        String state = parameters.get("state");
        if (state != null && state.length() > MAX_STATE_LENGTH) {
            return OAuthError.badRequest("invalid_request", "state is longer than " + MAX_STATE_LENGTH + " characters");
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
