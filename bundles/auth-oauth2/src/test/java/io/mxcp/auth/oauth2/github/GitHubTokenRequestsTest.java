package io.mxcp.auth.oauth2.github;

import static io.mxcp.auth.oauth2.github.GitHubTestSettings.CALLBACK_URL;
import static io.mxcp.auth.oauth2.github.GitHubTestSettings.CLIENT_ID;
import static io.mxcp.auth.oauth2.github.GitHubTestSettings.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.auth.oauth2.FakeUpstream;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * The authorization URL and the token endpoint legs (code exchange, refresh) against a {@link FakeUpstream} playing
 * GitHub.
 */
class GitHubTokenRequestsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private FakeUpstream github;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        github = new FakeUpstream();
    }

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
        github.close();
    }

    private UpstreamLogin open(Object... changes) throws AuthException {
        login = new GitHubProvider().open(GitHubTestSettings.block(github.url(), changes), CALLBACK_URL,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return login;
    }

    @Test
    void authorizationUrlHasTheParametersInTheOriginalsOrder() throws Exception {
        String url = open().authorizationUrl("Zm9vYmFyYmF6cXV4cXV1eA", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertEquals(github.url() + "/login/oauth/authorize?client_id=Iv1.0123456789abcdef"
                + "&redirect_uri=https%3A%2F%2Fmcp.example.com%2Fgithub%2Fcallback&response_type=code"
                + "&scope=read%3Auser+user%3Aemail&state=Zm9vYmFyYmF6cXV4cXV1eA"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", url);
        assertTrue(login.usesPkce());
        assertTrue(github.requests().isEmpty(), "building the URL asks nothing of GitHub");
    }

    @Test
    void authorizationUrlSendsAnEmptyScopeWhenNoneIsConfiguredAndKeepsTheAuthUrlsQuery() throws Exception {
        String url = open("scope", null, "auth_url", github.url() + "/login/oauth/authorize?allow_signup=false")
                .authorizationUrl("s~t*", null);

        assertEquals(github.url() + "/login/oauth/authorize?allow_signup=false&client_id=Iv1.0123456789abcdef"
                + "&redirect_uri=https%3A%2F%2Fmcp.example.com%2Fgithub%2Fcallback&response_type=code&scope="
                + "&state=s~t%2A", url);
    }

    @Test
    void exchangeCodePostsTheFormWithCredentialsAndVerifierAndReadsTheTokens() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, """
                {"access_token":"ghu_access","expires_in":28800,"refresh_token":"ghr_refresh",
                 "refresh_token_expires_in":15897600,"scope":"repo,user","token_type":"bearer"}""");

        TokenSet tokens = open().exchangeCode("c0de", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        FakeUpstream.Request request = github.only(GitHubTestSettings.TOKEN);
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Accept"));
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        assertNull(request.header("Authorization"), "client credentials go in the body, never as HTTP Basic");
        assertEquals(Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID, "client_secret",
                CLIENT_SECRET, "code", "c0de", "redirect_uri", CALLBACK_URL, "code_verifier",
                "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), request.form());
        assertEquals(List.of("grant_type", "client_id", "client_secret", "code", "redirect_uri", "code_verifier"),
                List.copyOf(request.form().keySet()));

        assertEquals("ghu_access", tokens.accessToken());
        assertEquals("ghr_refresh", tokens.refreshToken());
        assertEquals(NOW.plusSeconds(28800), tokens.expiresAt());
        assertEquals(List.of("repo", "user"), tokens.scopes());
        assertNull(tokens.idToken());
    }

    @Test
    void exchangeCodeOfANonExpiringTokenFallsBackToTheConfiguredScopes() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200,
                "{\"access_token\":\"gho_access\",\"token_type\":\"bearer\",\"scope\":\"\"}");

        TokenSet tokens = open().exchangeCode("c0de", null);

        assertFalse(github.only(GitHubTestSettings.TOKEN).form().containsKey("code_verifier"));
        assertEquals("gho_access", tokens.accessToken());
        assertNull(tokens.refreshToken());
        assertNull(tokens.expiresAt());
        assertEquals(List.of("read:user", "user:email"), tokens.scopes());
    }

    @Test
    void aBadCodeAnsweredWithHttp200AndAnErrorIsInvalidGrant() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, """
                {"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.",
                 "error_uri":"https://docs.github.com/apps/troubleshooting"}""");

        AuthException e = assertThrows(AuthException.class, () -> open().exchangeCode("stale-code", "verifier"));

        assertEquals("invalid_grant", e.error());
        assertEquals(400, e.status());
        assertFalse(e.getMessage().contains("incorrect"), "no upstream body in the message: " + e.getMessage());
        assertFalse(e.getMessage().contains("stale-code"), e.getMessage());
    }

    @Test
    void anOAuthErrorCodeOfGitHubIsKept() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, "{\"error\":\"invalid_scope\"}");

        AuthException e = assertThrows(AuthException.class, () -> open().exchangeCode("c0de", "verifier"));

        assertEquals("invalid_scope", e.error());
        assertEquals(400, e.status());
    }

    @Test
    void aFailedTokenRequestKeepsTheUpstreamStatusAndOAuthError() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 401, "{\"error\":\"invalid_client\",\"error_description\":\"secret\"}");

        AuthException refused = assertThrows(AuthException.class, () -> open().exchangeCode("c0de", "v"));
        assertEquals("invalid_client", refused.error());
        assertEquals(401, refused.status());
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());

        github.reply(GitHubTestSettings.TOKEN, 502, "<html>Bad gateway</html>");
        AuthException broken = assertThrows(AuthException.class, () -> login.exchangeCode("c0de", "v"));
        assertEquals("invalid_grant", broken.error());
        assertEquals(502, broken.status());
        assertFalse(broken.getMessage().contains("gateway"), broken.getMessage());
    }

    @Test
    void anAnswerWithoutAccessTokenOrJsonIsInvalidGrant() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, "{\"token_type\":\"bearer\",\"scope\":\"repo\"}");
        AuthException noToken = assertThrows(AuthException.class, () -> open().exchangeCode("c0de", "v"));
        assertEquals("invalid_grant", noToken.error());
        assertEquals(400, noToken.status());
        assertEquals("No access_token in response", noToken.getMessage());

        github.reply(GitHubTestSettings.TOKEN, 200, "access_token=gho_form&scope=repo&token_type=bearer");
        AuthException notJson = assertThrows(AuthException.class, () -> login.exchangeCode("c0de", "v"));
        assertEquals("invalid_grant", notJson.error());
        assertEquals(400, notJson.status());
        assertFalse(notJson.getMessage().contains("gho_form"), notJson.getMessage());
    }

    @Test
    void absurdLifetimesAreBoundedInsteadOfOverflowingTheClock() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, "{\"access_token\":\"ghu_a\",\"expires_in\":1e300}");
        assertEquals(NOW.plus(Duration.ofDays(366)), open().refresh("ghr_old", List.of()).expiresAt());

        github.reply(GitHubTestSettings.TOKEN, 200, "{\"access_token\":\"ghu_b\",\"expires_in\":-30}");
        assertEquals(NOW, open().refresh("ghr_old", List.of()).expiresAt(), "a negative lifetime has expired");
    }

    @Test
    void refreshPostsTheRefreshTokenAndScopesAndKeepsTheOldRefreshTokenWhenNoneComesBack() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, "{\"access_token\":\"ghu_new\",\"expires_in\":\"28800\"}");

        TokenSet tokens = open().refresh("ghr_old", List.of("repo", "user"));

        FakeUpstream.Request request = github.only(GitHubTestSettings.TOKEN);
        assertEquals("application/json", request.header("Accept"));
        assertEquals(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "refresh_token", "ghr_old", "scope", "repo user"), request.form());
        assertEquals("ghu_new", tokens.accessToken());
        assertEquals("ghr_old", tokens.refreshToken());
        assertEquals(NOW.plusSeconds(28800), tokens.expiresAt());
        assertEquals(List.of("repo", "user"), tokens.scopes(), "absent scope: the scopes asked for");
    }

    @Test
    void refreshTakesARotatedRefreshTokenAndSendsNoScopeWhenNoneWasGranted() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200,
                "{\"access_token\":\"ghu_new\",\"refresh_token\":\"ghr_rotated\",\"scope\":\"read:user\"}");

        TokenSet tokens = open().refresh("ghr_old", List.of());

        assertFalse(github.only(GitHubTestSettings.TOKEN).form().containsKey("scope"));
        assertEquals("ghr_rotated", tokens.refreshToken());
        assertEquals(List.of("read:user"), tokens.scopes());
    }

    @Test
    void aRefusedRefreshTokenIsInvalidGrant() throws Exception {
        github.reply(GitHubTestSettings.TOKEN, 200, "{\"error\":\"bad_refresh_token\"}");

        AuthException e = assertThrows(AuthException.class, () -> open().refresh("ghr_revoked", List.of()));

        assertEquals("invalid_grant", e.error());
        assertEquals(400, e.status());
        assertFalse(e.getMessage().contains("ghr_revoked"), e.getMessage());
    }

    @Test
    void anUnreachableGitHubIsTemporarilyUnavailable() throws Exception {
        open();
        github.close();

        AuthException exchange = assertThrows(AuthException.class, () -> login.exchangeCode("c0de", "v"));
        assertEquals("temporarily_unavailable", exchange.error());
        assertEquals(503, exchange.status());

        AuthException refresh = assertThrows(AuthException.class, () -> login.refresh("ghr_old", List.of()));
        assertEquals("temporarily_unavailable", refresh.error());
        assertEquals(503, refresh.status());
        assertFalse(refresh.getMessage().contains("ghr_old"), refresh.getMessage());

        AuthException user = assertThrows(AuthException.class,
                () -> login.userInfo(new TokenSet("gho_access", null, null, List.of())));
        assertEquals("temporarily_unavailable", user.error());
        assertEquals(503, user.status());
        assertFalse(user.getMessage().contains("gho_access"), user.getMessage());
    }
}
