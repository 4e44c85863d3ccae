package io.mxcp.mcp.internal.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.oauth.store.IssuedCode;
import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStore.RotatedToken;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.mxcp.mcp.internal.oauth.store.TokenSession;
import io.mxcp.mcp.internal.oauth.store.UpstreamGrant;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/**
 * {@code POST /token}: redeems a code (PKCE checked; a code redeemed twice revokes what the first redemption
 * issued) or a refresh token (bound to its client; rotated on every use; an old refresh token that comes back after
 * {@link #REUSE_GRACE} revokes its whole family, within it the same client gets the current tokens again, as a
 * retry after a lost answer).
 */
final class TokenEndpoint {
    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofHours(1);
    /** The longest an access token of ours lives, whatever the provider's: each refresh reads the user again. */
    static final Duration MAX_ACCESS_LIFETIME = Duration.ofHours(24);
    static final Duration REUSE_GRACE = Duration.ofSeconds(10);

    private final OAuthStore store;
    private final ClientAuthentication clients;
    private final UpstreamLogins login;
    private final IssuerUrls urls;
    private final List<String> grantedScopes;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final FamilyLocks familyLocks = new FamilyLocks();

    TokenEndpoint(OAuthStore store, ClientAuthentication clients, UpstreamLogins login, IssuerUrls urls,
            List<String> grantedScopes, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.login = login;
        this.urls = urls;
        this.grantedScopes = grantedScopes;
        this.mapper = mapper;
        this.clock = clock;
    }

    ObjectNode token(Map<String, String> form, String authorization) throws OAuthError, OAuthStoreException {
        OAuthClient client = clients.authenticate(form, authorization);
        String grantType = form.get("grant_type");
        if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
            throw OAuthError.badRequest(grantType == null ? "invalid_request" : "unsupported_grant_type",
                    grantType == null ? "grant_type is required" : "Unsupported grant type " + grantType);
        }
        if (!client.grantTypes().contains(grantType)) {
            throw OAuthError.badRequest("unsupported_grant_type", "Unsupported grant type (supported grant types are "
                    + client.grantTypes() + ")");
        }
        return grantType.equals("authorization_code") ? redeemCode(client, form) : refresh(client, form);
    }

    private ObjectNode redeemCode(OAuthClient client, Map<String, String> form) throws OAuthError, OAuthStoreException {
        String value = form.get("code");
        if (value == null || value.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "code is required");
        }
        IssuedCode code = store.code(value);
        if (code == null || !code.clientId().equals(client.clientId())) {
            throw invalidGrant("authorization code does not exist");
        }
        if (code.redeemedBy() != null) {
            store.revokeFamily(code.redeemedBy());
            throw invalidGrant("authorization code was already used; the tokens issued for it are revoked");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            // RFC 6749 §5.2: a redirect URI other than the authorization request's is invalid_grant
            throw invalidGrant("redirect_uri did not match the one used when creating auth code");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || verifier.isBlank()) {
            throw invalidGrant("code_verifier is required");
        }
        if (!Pkce.matches(verifier, code.codeChallenge())) {
            throw invalidGrant("incorrect code_verifier");
        }
        TokenSession session = issue(Randoms.hex(16), client, resource(form, code.resource()), code.grant());
        if (!store.redeemCode(code.code(), session)) {
            // a concurrent redemption won: what it issued is revoked, as for any second use
            IssuedCode redeemed = store.code(code.code());
            if (redeemed != null && redeemed.redeemedBy() != null) {
                store.revokeFamily(redeemed.redeemedBy());
            }
            throw invalidGrant("authorization code was already used; the tokens issued for it are revoked");
        }
        return answer(session);
    }

    private ObjectNode refresh(OAuthClient client, Map<String, String> form) throws OAuthError, OAuthStoreException {
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthError.badRequest("invalid_request", "refresh_token is required");
        }
        Instant now = clock.instant();
        RotatedToken rotated = store.rotatedOut(refreshToken);
        if (rotated != null) {
            return reused(client, rotated, now);
        }
        TokenSession session = store.sessionByRefreshToken(refreshToken, now);
        if (session == null || !client.clientId().equals(session.clientId())) {
            throw invalidGrant("refresh token does not exist");
        }
        String scope = form.get("scope");
        if (scope != null && !scope.isBlank() && !grantedScopes.containsAll(List.of(scope.trim().split("\\s+")))) {
            throw OAuthError.badRequest("invalid_scope", "cannot request scope `" + scope
                    + "` not provided by refresh token");
        }
        ReentrantLock familyLock = familyLocks.of(session.family());
        familyLock.lock();
        try {
            // a refresh that held the lock before may have rotated the token meanwhile
            RotatedToken rotatedMeanwhile = store.rotatedOut(refreshToken);
            if (rotatedMeanwhile != null) {
                return reused(client, rotatedMeanwhile, clock.instant());
            }
            TokenSession successor = issue(session.family(), client, session.resource(),
                    refreshedGrant(session.grant(), now));
            if (!store.rotate(session, successor, now)) {
                throw invalidGrant("refresh token does not exist");
            }
            return answer(successor);
        } finally {
            familyLock.unlock();
        }
    }

    /**
     * A rotated-out refresh token: a retry within the grace window, or a replay that ends the family. A replay is the
     * usual trace of a stolen refresh token (RFC 9700 §4.14.2), so the log says whose sign-in it ended.
     */
    private ObjectNode reused(OAuthClient client, RotatedToken rotated, Instant now)
            throws OAuthError, OAuthStoreException {
        TokenSession live = store.liveSessionOf(rotated.family(), now);
        if (rotated.clientId().equals(client.clientId()) && now.isBefore(rotated.rotatedAt().plus(REUSE_GRACE))) {
            // only the answer that was lost: once its successor was used in turn, the old token is a replay
            if (live != null && live.sessionId().equals(rotated.successorSessionId())) {
                return answer(live);
            }
        }
        store.revokeFamily(rotated.family());
        LOG.log(System.Logger.Level.WARNING, "A refresh token of client {0} came back {1} s after it was exchanged "
                + "(presented by client {2}) and every token of its sign-in{3} is revoked: a replayed refresh token "
                + "may have been stolen", rotated.clientId(), Duration.between(rotated.rotatedAt(), now).toSeconds(),
                client.clientId(), live == null ? "" : " (user " + live.grant().user().userId() + ")");
        throw invalidGrant("refresh token was already used; the tokens of its sign-in are revoked");
    }

    /**
     * The upstream grant after a refresh, with the user read again from the provider (so a changed profile changes
     * the capabilities, and a revoked sign-in ends here): new upstream tokens when the provider issued a refresh
     * token; the same upstream token while it does not expire (GitHub OAuth apps); else the user signs in again.
     */
    private UpstreamGrant refreshedGrant(UpstreamGrant grant, Instant now) throws OAuthError {
        try {
            TokenSet tokens;
            if (grant.upstreamRefreshToken() != null) {
                tokens = login.get().refresh(grant.upstreamRefreshToken(), grant.upstreamScopes());
            } else if (grant.upstreamExpiresAt() == null || grant.upstreamExpiresAt().isAfter(now)) {
                tokens = new TokenSet(grant.upstreamAccessToken(), null, grant.upstreamExpiresAt(),
                        grant.upstreamScopes());
            } else {
                throw invalidGrant("Provider refresh token missing");
            }
            UserContext user = login.get().userInfo(tokens);
            return new UpstreamGrant(GrantedUser.of(user, grantedScopes, tokens.accessToken()), tokens.accessToken(),
                    tokens.refreshToken() != null ? tokens.refreshToken() : grant.upstreamRefreshToken(),
                    tokens.expiresAt(), tokens.scopes().isEmpty() ? grant.upstreamScopes() : tokens.scopes());
        } catch (AuthException e) {
            System.getLogger(TokenEndpoint.class.getName()).log(System.Logger.Level.WARNING,
                    "Refresh at " + login.displayName() + " (" + login.provider() + ") failed: " + e.getMessage());
            if (UpstreamFailure.isPassing(e)) {
                throw UpstreamFailure.unavailable(login.displayName());
            }
            throw invalidGrant("Provider refresh failed");
        }
    }

    /** The {@code resource} of the token request: ours, and the code's when it named one (RFC 8707). */
    private String resource(Map<String, String> form, String codeResource) throws OAuthError {
        String resource = form.get("resource");
        if (resource == null || resource.isBlank()) {
            return codeResource;
        }
        if (!urls.isOurs(resource) || (codeResource != null && !urls.isOurs(codeResource))) {
            throw OAuthError.badRequest("invalid_target", "resource must be " + urls.resource());
        }
        return resource;
    }

    private TokenSession issue(String family, OAuthClient client, String resource, UpstreamGrant grant) {
        Instant now = clock.instant();
        Instant upstreamExpiry = grant.upstreamExpiresAt();
        Instant latest = now.plus(MAX_ACCESS_LIFETIME);
        Instant accessExpiry = upstreamExpiry == null || !upstreamExpiry.isAfter(now) ? now.plus(DEFAULT_ACCESS_LIFETIME)
                : upstreamExpiry.isAfter(latest) ? latest : upstreamExpiry;
        String refreshToken = client.grantTypes().contains("refresh_token") ? "mcp_refresh_" + Randoms.hex(32) : null;
        return new TokenSession(Randoms.hex(16), family, client.clientId(), "mcp_" + Randoms.hex(32), refreshToken,
                resource, grant, accessExpiry, null, now);
    }

    private ObjectNode answer(TokenSession session) {
        ObjectNode answer = mapper.createObjectNode().put("access_token", session.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", Math.max(0, Duration.between(clock.instant(), session.accessExpiresAt()).getSeconds()));
        if (!grantedScopes.isEmpty()) {
            // an empty scope is not scope syntax (RFC 6749 §3.3): without granted scopes the member is left out
            answer.put("scope", String.join(" ", grantedScopes));
        }
        if (session.refreshToken() != null) {
            answer.put("refresh_token", session.refreshToken());
        }
        return answer;
    }

    private static OAuthError invalidGrant(String description) {
        return OAuthError.badRequest("invalid_grant", description);
    }
}
