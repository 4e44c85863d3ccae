package io.mxcp.auth.oauth2.salesforce;

import static io.mxcp.auth.oauth2.LoginChecks.assertTokenRequest;
import static io.mxcp.auth.oauth2.LoginChecks.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.mxcp.auth.oauth2.FakeUpstream;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/** A Salesforce login against a {@link FakeUpstream} playing Salesforce: URL without PKCE, form requests, user info. */
class SalesforceLoginTest {
    private static final String TOKEN = "/services/oauth2/token";
    private static final String USERINFO = "/services/oauth2/userinfo";
    private static final String CLIENT_ID = "3MVG9IHf89I1t8hrvswazsWedXWY0i1qK20PSFaInvUgLFB6vrcb9bbW";
    private static final String CLIENT_SECRET = "1A2B3C4D5E6F7G8H9I0J";
    private static final String CALLBACK_URL = "https://mcp.example.com/salesforce/callback";
    private static final String USER_ID = "005xx000001SwiUAAS";
    private static final String ACCESS_TOKEN = "00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog";
    private static final String REFRESH_TOKEN = "5Aep8614iLM.Dq661ePDmPEgaAW9Oh_L3JKkDpB4xReb54_pZeb==";
    private static final TokenSet TOKENS = new TokenSet(ACCESS_TOKEN, null, null, List.of("api", "refresh_token"));
    private static final String PROFILE = """
            {"sub":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
             "user_id":"005xx000001SwiUAAS","organization_id":"00Dxx0000001gPLEAY",%s
             "name":"Mia Krystof","email":%s,"email_verified":true,
             "photos":{"picture":"https://acme.file.force.com/profilephoto/005/F",
                       "thumbnail":"https://acme.file.force.com/profilephoto/005/T"},
             "user_type":"STANDARD","active":true}""";

    @RegisterExtension
    final FakeUpstream salesforce = new FakeUpstream();
    private UpstreamLogin login;

    private UpstreamLogin open(Object... changes) throws AuthException {
        login = salesforce.closing(new SalesforceProvider().open(block(changes), CALLBACK_URL));
        return login;
    }

    /** An {@code auth.salesforce} block pointing at the fake; {@code changes} are key, value pairs (null removes). */
    private Map<String, Object> block(Object... changes) {
        return FakeUpstream.changed(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope",
                "api refresh_token", "callback_path", "/salesforce/callback", "auth_url",
                salesforce.url() + "/services/oauth2/authorize", "token_url", salesforce.url() + TOKEN,
                "userinfo_url", salesforce.url() + USERINFO), changes);
    }

    /** A user-info answer; a null username leaves the key out, a null address makes it null. */
    private static String profile(String username, String email) {
        return PROFILE.formatted(username == null ? "" : "\"username\":\"" + username + "\",",
                email == null ? "null" : "\"" + email + "\"");
    }

    @Test
    void authorizationUrlHasNoChallenge() throws Exception {
        String url = open().authorizationUrl("Zm9vYmFyYmF6cXV4cXV1eA", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertEquals(salesforce.url() + "/services/oauth2/authorize?client_id=" + CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fmcp.example.com%2Fsalesforce%2Fcallback&response_type=code"
                + "&scope=api+refresh_token&state=Zm9vYmFyYmF6cXV4cXV1eA", url);
        assertFalse(login.usesPkce() || !salesforce.requests().isEmpty(), "no PKCE, and nothing asked of Salesforce");
        assertTrue(open("scope", null).authorizationUrl("s", null).endsWith("&response_type=code&scope=&state=s"),
                "without scope, the scope is sent empty");
    }

    @Test
    void exchangeCodePostsAFormWithoutVerifierAndReadsTheTokens() throws Exception {
        salesforce.reply(TOKEN, 200, """
                {"access_token":"%s","signature":"0CmxinZir53Yex7nE0TD+zMpvIWYGb/bdJh6XfOH6EQ=",
                 "scope":"refresh_token api id","instance_url":"https://acme.my.salesforce.com",
                 "id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS","token_type":"Bearer",
                 "issued_at":"1278448101416","refresh_token":"%s"}""".formatted(ACCESS_TOKEN, REFRESH_TOKEN));

        TokenSet tokens = open().exchangeCode("aPrxsmIEeqM9", "a-verifier-the-server-should-not-have");

        FakeUpstream.Request request = salesforce.only(TOKEN);
        assertTokenRequest(request, "application/x-www-form-urlencoded", request.form(), "grant_type",
                "authorization_code", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code", "aPrxsmIEeqM9",
                "redirect_uri", CALLBACK_URL);
        assertEquals(new TokenSet(ACCESS_TOKEN, REFRESH_TOKEN, null, List.of("refresh_token", "api", "id")), tokens,
                "Salesforce does not say when its tokens expire");
    }

    @Test
    void refreshPostsTheRefreshTokenAndKeepsItWhenNoneComesBack() throws Exception {
        salesforce.reply(TOKEN, 200, "{\"access_token\":\"00Dxx!new\",\"token_type\":\"Bearer\"}");

        TokenSet tokens = open("scope", null).refresh(REFRESH_TOKEN, List.of("api", "refresh_token"));

        FakeUpstream.Request request = salesforce.only(TOKEN);
        assertTokenRequest(request, "application/x-www-form-urlencoded", request.form(), "grant_type",
                "refresh_token", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token",
                REFRESH_TOKEN, "scope", "api refresh_token");
        assertEquals(new TokenSet("00Dxx!new", REFRESH_TOKEN, null, List.of("api", "refresh_token")), tokens);
    }

    @Test
    void aRefusedTokenRequestKeepsAnOAuthErrorAndTheStatus() throws Exception {
        salesforce.reply(TOKEN, 400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"expired authorization code\"}");
        refused("invalid_grant", 400, () -> open().exchangeCode("stale-code", null), "expired", "stale-code");

        salesforce.reply(TOKEN, 400,
                "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}");
        refused("invalid_grant", 400, () -> login.exchangeCode("c0de", null), "identifier");

        salesforce.reply(TOKEN, 503, "<html>Maintenance</html>");
        refused("invalid_grant", 503, () -> login.refresh(REFRESH_TOKEN, List.of()), "Maintenance", REFRESH_TOKEN);
    }

    @Test
    void theUserIsReadFromTheUserInfoEndpoint() throws Exception {
        salesforce.reply(USERINFO, 200, profile("mia@acme.example.prod", "mia@acme.example"));

        UserContext user = open().userInfo(TOKENS);

        FakeUpstream.Request request = salesforce.only(USERINFO);
        assertEquals(List.of("GET", "Bearer " + ACCESS_TOKEN, "application/json"),
                List.of(request.method(), request.header("Authorization"), request.header("Accept")));
        assertEquals(new UserContext(USER_ID, "mia@acme.example.prod", "mia@acme.example", "Mia Krystof",
                "https://acme.file.force.com/profilephoto/005/F", "salesforce", TOKENS.scopes(), ACCESS_TOKEN,
                user.rawProfile()), user);
        assertEquals("00Dxx0000001gPLEAY", user.rawProfile().get("organization_id"));
        assertEquals(true, user.rawProfile().get("email_verified"));
    }

    @Test
    void withoutUsernameTheUsernameIsTheEmailsLocalPartElseTheUserId() throws Exception {
        salesforce.reply(USERINFO, 200, profile(null, "mia@acme.example"));
        assertEquals("mia", open().userInfo(TOKENS).username());

        salesforce.reply(USERINFO, 200, profile(null, null));
        assertEquals(USER_ID, login.userInfo(TOKENS).username());

        salesforce.reply(USERINFO, 200, "{\"user_id\":\"005xx000001SwiUAAS\",\"photos\":\"none\"}");
        assertNull(login.userInfo(TOKENS).avatarUrl());
    }

    @Test
    void theUserInfoIsLoginSalesforceComsUnlessSet() throws Exception {
        assertEquals(URI.create("https://login.salesforce.com/services/oauth2/userinfo"),
                SalesforceSettings.parse(block("userinfo_url", null), CALLBACK_URL).userInfoUrl());
        URI sandbox = URI.create("https://test.salesforce.com/services/oauth2/userinfo");
        assertEquals(sandbox, SalesforceSettings.parse(block("userinfo_url", sandbox.toString()), CALLBACK_URL)
                .userInfoUrl());
    }
}
