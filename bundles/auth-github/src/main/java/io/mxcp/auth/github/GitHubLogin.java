package io.mxcp.auth.github;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/**
 * The upstream legs of a GitHub login for one {@code auth.github} block. Holds no state between calls, so one
 * instance serves every login of the server. The client secret travels in the form body of token requests, never
 * as HTTP Basic (GitHub takes both; the body is what the original sends to every provider).
 */
final class GitHubLogin implements UpstreamLogin {
    private final GitHubSettings settings;
    private final String callbackUrl;
    private final GitHubHttp http;
    private final GitHubTokens tokens;
    private final GitHubUsers users;

    GitHubLogin(GitHubSettings settings, String callbackUrl, GitHubHttp http, Clock clock) {
        this.settings = settings;
        this.callbackUrl = callbackUrl;
        this.http = http;
        this.tokens = new GitHubTokens(clock);
        this.users = new GitHubUsers(http, settings.apiUrl());
    }

    /**
     * {@code client_id, redirect_uri, response_type=code, scope, state} and, with a challenge,
     * {@code code_challenge, code_challenge_method=S256}, in this order; {@code scope} is sent empty when none is
     * configured.
     */
    @Override
    public String authorizationUrl(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", callbackUrl);
        query.put("response_type", "code");
        query.put("scope", settings.scope());
        query.put("state", state);
        if (codeChallenge != null) {
            query.put("code_challenge", codeChallenge);
            query.put("code_challenge_method", "S256");
        }
        String base = settings.authUrl().toString();
        return base + (base.contains("?") ? "&" : "?") + FormEncoding.encode(query);
    }

    /** GitHub OAuth apps take S256 PKCE. */
    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public TokenSet exchangeCode(String code, String codeVerifier) throws AuthException {
        Map<String, String> form = credentials("authorization_code");
        form.put("code", code);
        form.put("redirect_uri", callbackUrl);
        form.put("code_verifier", codeVerifier);
        return tokens.read(http.postForm(settings.tokenUrl(), form), settings.configuredScopes(), null);
    }

    /**
     * GitHub issues refresh tokens only to apps with expiring user tokens, and rotates them; an answer without one
     * keeps the given token.
     */
    @Override
    public TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
        Map<String, String> form = credentials("refresh_token");
        form.put("refresh_token", refreshToken);
        if (scopes != null && !scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        List<String> requested = scopes != null && !scopes.isEmpty() ? scopes : settings.configuredScopes();
        return tokens.read(http.postForm(settings.tokenUrl(), form), requested, refreshToken);
    }

    /**
     * The user from the REST API. The raw profile is {@code GET /user}'s answer alone: GitHub's access tokens are
     * opaque and it issues no ID token, so there are no token claims to merge.
     */
    @Override
    public UserContext userInfo(TokenSet tokenSet) throws AuthException {
        return users.user(tokenSet);
    }

    private Map<String, String> credentials(String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        return form;
    }

    @Override
    public void close() {
        http.close();
    }
}
