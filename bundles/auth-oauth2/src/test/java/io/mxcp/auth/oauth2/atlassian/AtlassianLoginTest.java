package io.mxcp.auth.oauth2.atlassian;

import static io.mxcp.auth.oauth2.LoginChecks.assertTokenRequest;
import static io.mxcp.auth.oauth2.LoginChecks.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.auth.oauth2.FakeUpstream;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/** An Atlassian login against a {@link FakeUpstream} playing Atlassian: URL, JSON token requests, {@code /me}. */
class AtlassianLoginTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TOKEN = "/oauth/token";
    private static final String ME = "/me";
    private static final String CLIENT_ID = "q8Xr2mJk0aBcDeFgHiJkLmNoPqRsTuVw";
    private static final String CLIENT_SECRET = "ATOAz9y8x7w6v5u4t3s2r1q0p9o8n7m6l5k4j3i2h1g0";
    private static final String CALLBACK_URL = "https://mcp.example.com/atlassian/callback";
    private static final String ACCOUNT_ID = "712020:1d9c1c7e-61f0-4d0b-9c3a-6b8f0e1b2c3d";
    private static final String PICTURE = "https://avatar-management.example.net/712020/mia.png";
    private static final TokenSet TOKENS = new TokenSet("eyJhbGciOiJSUzI1NiJ9.atlassian.access", "refresh-1", null,
            List.of("read:me", "offline_access"));

    @RegisterExtension
    final FakeUpstream atlassian = new FakeUpstream();
    private UpstreamLogin login;

    private UpstreamLogin open(Object... changes) throws AuthException {
        login = atlassian.closing(new AtlassianProvider().open(block(changes), CALLBACK_URL,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        return login;
    }

    /** An {@code auth.atlassian} block pointing at the fake; {@code changes} are key, value pairs (null removes). */
    private Map<String, Object> block(Object... changes) {
        return FakeUpstream.changed(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope",
                "read:me offline_access read:jira-work", "callback_path", "/atlassian/callback", "auth_url",
                atlassian.url() + "/authorize", "token_url", atlassian.url() + TOKEN, "api_url", atlassian.url()),
                changes);
    }

    /** An answer of {@code /me}; null leaves the field null. */
    private static String me(String nickname, String email) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("account_type", "atlassian");
        me.put("account_id", ACCOUNT_ID);
        me.put("email", email);
        me.put("name", "Mia Krystof");
        me.put("picture", PICTURE);
        me.put("account_status", "active");
        me.put("nickname", nickname);
        me.put("extended_profile", Map.of("job_title", "Designer", "department", "Design"));
        return new ObjectMapper().valueToTree(me).toString();
    }

    @Test
    void authorizationUrlHasTheAudienceFirstAndConsentBeforeTheChallenge() throws Exception {
        String url = open().authorizationUrl("Zm9vYmFyYmF6cXV4cXV1eA", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertEquals(atlassian.url() + "/authorize?audience=api.atlassian.com&client_id=" + CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fmcp.example.com%2Fatlassian%2Fcallback&response_type=code"
                + "&scope=read%3Ame+offline_access+read%3Ajira-work&state=Zm9vYmFyYmF6cXV4cXV1eA&prompt=consent"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", url);
        assertTrue(login.usesPkce() && atlassian.requests().isEmpty(), "PKCE, and the URL asks nothing of Atlassian");
    }

    @Test
    void exchangeCodePostsAJsonBodyAndReadsTheTokens() throws Exception {
        atlassian.reply(TOKEN, 200, """
                {"access_token":"eyJ.access.1","expires_in":3600,"token_type":"Bearer","refresh_token":"eyJ.refresh.1",
                 "scope":"read:me  offline_access read:jira-work"}""");

        TokenSet tokens = open().exchangeCode("c0de", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        FakeUpstream.Request request = atlassian.only(TOKEN);
        assertTokenRequest(request, "application/json", request.json(), "grant_type", "authorization_code",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code", "c0de", "redirect_uri", CALLBACK_URL,
                "code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertEquals(new TokenSet("eyJ.access.1", "eyJ.refresh.1", NOW.plusSeconds(3600),
                List.of("read:me", "offline_access", "read:jira-work")), tokens);
    }

    @Test
    void refreshPostsJsonWithTheGrantedScopesAndTakesTheRotatedRefreshToken() throws Exception {
        atlassian.reply(TOKEN, 200, "{\"access_token\":\"eyJ.access.2\",\"refresh_token\":\"eyJ.refresh.2\"}");

        TokenSet tokens = open().refresh("eyJ.refresh.1", List.of("read:me", "offline_access"));

        FakeUpstream.Request request = atlassian.only(TOKEN);
        assertTokenRequest(request, "application/json", request.json(), "grant_type", "refresh_token", "client_id",
                CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", "eyJ.refresh.1", "scope",
                "read:me offline_access");
        assertEquals(new TokenSet("eyJ.access.2", "eyJ.refresh.2", null, List.of("read:me", "offline_access")),
                tokens, "no expires_in: unknown expiry; no scope: the scopes asked for");
    }

    @Test
    void aRefusedTokenRequestKeepsTheOAuthErrorAndTheStatus() throws Exception {
        atlassian.reply(TOKEN, 403, "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown refresh token.\"}");
        refused("invalid_grant", 403, () -> open().refresh("eyJ.refresh.revoked", List.of()), "Unknown",
                "eyJ.refresh.revoked");

        atlassian.reply(TOKEN, 401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}");
        refused("invalid_grant", 401, () -> login.exchangeCode("c0de", "v"));

        atlassian.reply(TOKEN, 200, "{\"token_type\":\"Bearer\"}");
        assertEquals("No access_token in response",
                refused("invalid_grant", 400, () -> login.exchangeCode("c0de", "v")).getMessage());
    }

    @Test
    void theUserIsReadFromMe() throws Exception {
        atlassian.reply(ME, 200, me("mkrystof", "mia@example.com"));

        UserContext user = open().userInfo(TOKENS);

        FakeUpstream.Request request = atlassian.only(ME);
        assertEquals(List.of("GET", "Bearer " + TOKENS.accessToken(), "application/json"),
                List.of(request.method(), request.header("Authorization"), request.header("Accept")));
        assertEquals(new UserContext(ACCOUNT_ID, "mkrystof", "mia@example.com", "Mia Krystof", PICTURE, "atlassian",
                TOKENS.scopes(), TOKENS.accessToken(), user.rawProfile()), user);
        assertEquals(Map.of("job_title", "Designer", "department", "Design"),
                user.rawProfile().get("extended_profile"));
        assertEquals("active", user.rawProfile().get("account_status"));
    }

    @Test
    void withoutNicknameTheUsernameIsTheEmailsLocalPartElseTheAccountId() throws Exception {
        atlassian.reply(ME, 200, me(null, "mia.krystof@example.com"));
        assertEquals("mia.krystof", open().userInfo(TOKENS).username());

        atlassian.reply(ME, 200, me("", null));
        UserContext anonymous = login.userInfo(TOKENS);
        assertEquals(ACCOUNT_ID, anonymous.username());
        assertNull(anonymous.email());
    }

    @Test
    void meIsAtlassiansApiUnlessSet() throws Exception {
        assertEquals(URI.create("https://api.atlassian.com/me"),
                AtlassianSettings.parse(block("api_url", null), CALLBACK_URL).userInfoUrl());
        assertEquals(URI.create("https://atlassian.test.example/gateway/me"), AtlassianSettings.parse(
                block("api_url", "https://atlassian.test.example/gateway//"), CALLBACK_URL).userInfoUrl());
    }
}
