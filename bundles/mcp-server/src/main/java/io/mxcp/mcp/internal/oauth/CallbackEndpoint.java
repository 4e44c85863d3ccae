package io.mxcp.mcp.internal.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.mcp.internal.oauth.store.IssuedCode;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.PendingAuthorization;
import io.mxcp.mcp.internal.oauth.store.UpstreamGrant;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * {@code GET <callback_path>}: the provider sends the user back. The state is taken (single use); the code is
 * exchanged upstream, the user read, and a code of this server issued to the client's redirect URI with the
 * client's own state and this issuer (RFC 9207). A failure after the state is known and the browser matched is
 * sent to the client's redirect URI as an error, never with a code.
 */
final class CallbackEndpoint {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final OAuthStore store;
    private final UpstreamLogins login;
    private final IssuerUrls urls;
    private final List<String> grantedScopes;
    private final Clock clock;

    CallbackEndpoint(OAuthStore store, UpstreamLogins login, IssuerUrls urls, List<String> grantedScopes,
            Clock clock) {
        this.store = store;
        this.login = login;
        this.urls = urls;
        this.grantedScopes = grantedScopes;
        this.clock = clock;
    }

    /** @param cookie the browser's binding cookie, or null */
    Redirect callback(Map<String, String> parameters, String cookie) throws OAuthError, OAuthStoreException {
        String state = parameters.get("state");
        if (state != null && PendingStates.awaitsConsent(state)) {
            // the consent page's request, never sent to the provider: someone skipped the consent
            throw OAuthError.badRequest("invalid_state", "The sign-in was not allowed on the consent page");
        }
        String error = parameters.get("error");
        if (error != null) {
            PendingAuthorization pending = state == null ? null : store.takePending(state);
            if (pending == null || !BrowserBinding.matches(pending.browserBinding(), cookie)) {
                throw OAuthError.badRequest(error, parameters.get("error_description"));
            }
            return Redirect.error(pending.redirectUri(), error, parameters.get("error_description"),
                    pending.clientState(), urls.issuer(), 307);
        }
        String code = parameters.get("code");
        if (code == null || state == null) {
            throw OAuthError.badRequest("invalid_request", "code and state are required");
        }
        PendingAuthorization pending = store.takePending(state);
        if (pending == null) {
            throw OAuthError.badRequest("invalid_state", "State not found or expired");
        }
        if (!BrowserBinding.matches(pending.browserBinding(), cookie)) {
            throw OAuthError.badRequest("invalid_state", "The sign-in did not start in this browser");
        }
        UpstreamGrant grant;
        try {
            UpstreamLogin upstream = login.get();
            TokenSet tokens = upstream.exchangeCode(code, pending.upstreamCodeVerifier());
            grant = new UpstreamGrant(GrantedUser.of(upstream.userInfo(tokens), grantedScopes, tokens.accessToken()),
                    tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.scopes());
        } catch (AuthException e) {
            System.getLogger(CallbackEndpoint.class.getName()).log(System.Logger.Level.WARNING,
                    "Sign-in at " + login.displayName() + " (" + login.provider() + ") failed: " + e.getMessage());
            // the client waits at its redirect URI: it hears of the failure there (RFC 6749 §4.1.2.1), and a
            // provider that cannot answer now is temporarily_unavailable, which a client may retry
            OAuthError failure = UpstreamFailure.isPassing(e) ? UpstreamFailure.unavailable(login.displayName())
                    : new OAuthError(400, "server_error", "The sign-in at " + login.displayName() + " failed ("
                            + e.error() + ")");
            return Redirect.error(pending.redirectUri(), failure.error(), failure.description(),
                    pending.clientState(), urls.issuer(), 307);
        }
        IssuedCode issued = new IssuedCode("mcp_" + Randoms.hex(16), pending.clientId(), pending.redirectUri(),
                pending.codeChallenge(), pending.resource(), grant, clock.instant().plus(CODE_LIFETIME), null);
        store.saveCode(issued);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", issued.code());
        answer.put("state", pending.clientState());
        answer.put("iss", urls.issuer());
        return new Redirect(Redirect.withQuery(pending.redirectUri(), answer), 307);
    }
}
