package io.mxcp.auth.oidc.login;

import static io.mxcp.auth.oidc.login.LoginTesting.CLOCK;
import static io.mxcp.auth.oidc.login.LoginTesting.NOW;
import static io.mxcp.auth.oidc.login.LoginTesting.assertMentions;
import static io.mxcp.auth.oidc.login.LoginTesting.json;
import static io.mxcp.auth.oidc.login.LoginTesting.jwt;
import static io.mxcp.auth.oidc.login.LoginTesting.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/** {@code provider: keycloak}: endpoints derived from the realm, and its token and user-info legs at a fake. */
class KeycloakLoginTest {
    private static final String CALLBACK = "http://localhost:8000/keycloak/callback";
    private static final String BASE = "/realms/corp/protocol/openid-connect";

    private FakeProvider keycloak;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeProvider();
    }

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
        keycloak.close();
    }

    private static Map<String, Object> settings(String serverUrl, Object... pairs) {
        Map<String, Object> base = new HashMap<>();
        base.put("client_id", "mxcp");
        base.put("client_secret", "kc-secret");
        base.put("realm", "corp");
        base.put("server_url", serverUrl);
        base.put("callback_path", "/keycloak/callback");
        base.put("claim_mappings", Map.of());
        return LoginTesting.settings(base, pairs);
    }

    private UpstreamLogin open(Object... pairs) throws AuthException {
        login = new KeycloakAuthProvider(CLOCK).open(settings(keycloak.url() + "/", pairs), CALLBACK);
        return login;
    }

    @Test
    void authorizationUrlIsDerivedFromServerAndRealm() throws Exception {
        login = new KeycloakAuthProvider().open(settings("https://sso.example.org//", "scope", "openid profile"),
                CALLBACK);

        assertTrue(login.usesPkce());
        assertEquals("https://sso.example.org/realms/corp/protocol/openid-connect/auth?client_id=mxcp"
                + "&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Fkeycloak%2Fcallback"
                + "&scope=openid+profile&state=st-9&code_challenge=ch-9&code_challenge_method=S256",
                login.authorizationUrl("st-9", "ch-9"));
    }

    @Test
    void scopeMayBeOmittedAndIsThenSentEmpty() throws Exception {
        login = new KeycloakAuthProvider().open(settings("https://sso.example.org/auth", "realm", "my realm"),
                CALLBACK);

        assertEquals("https://sso.example.org/auth/realms/my%20realm/protocol/openid-connect/auth?client_id=mxcp"
                + "&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Fkeycloak%2Fcallback"
                + "&scope=&state=s&code_challenge=c&code_challenge_method=S256", login.authorizationUrl("s", "c"));
    }

    @Test
    void codeExchangeAndUserInfoGiveTheMergedProfile() throws Exception {
        open("scope", "openid email");
        String accessToken = jwt(Map.of("sub", "kc-1", "realm_access", Map.of("roles", List.of("ops")),
                "shared", "from the access token", "exp", 1_900_000_000));
        String idToken = jwt(Map.of("sub", "kc-1", "shared", "from the ID token", "auth_time", 1_800_000_000));
        keycloak.json(BASE + "/token", 200, json(Map.of("access_token", accessToken, "refresh_token", "kc-rt",
                "id_token", idToken, "expires_in", 300, "scope", "openid email profile", "token_type", "Bearer")));
        keycloak.json(BASE + "/userinfo", 200, json(Map.of("sub", "kc-1", "preferred_username", "ana",
                "email", "ana@corp.example", "name", "Ana", "picture", "https://img/ana", "shared", "from user info")));

        TokenSet tokens = login.exchangeCode("kc-code", "kc-verifier");
        UserContext user = login.userInfo(tokens);

        assertEquals(Map.of("grant_type", "authorization_code", "code", "kc-code", "client_id", "mxcp",
                "client_secret", "kc-secret", "redirect_uri", CALLBACK, "code_verifier", "kc-verifier"),
                keycloak.last(BASE + "/token").form());
        assertEquals("Bearer " + accessToken, keycloak.last(BASE + "/userinfo").authorization());
        assertEquals(new TokenSet(accessToken, "kc-rt", NOW.plusSeconds(300),
                List.of("openid", "email", "profile"), idToken), tokens);
        assertEquals(new UserContext("kc-1", "ana", "ana@corp.example", "Ana", "https://img/ana", "keycloak",
                List.of("openid", "email", "profile"), accessToken, user.rawProfile()), user);
        assertEquals("from user info", user.rawProfile().get("shared"), "user info wins");
        assertEquals(Map.of("roles", List.of("ops")), user.rawProfile().get("realm_access"));
        assertEquals(1_800_000_000, user.rawProfile().get("auth_time"));
        assertEquals(1_900_000_000, user.rawProfile().get("exp"));
    }

    @Test
    void idTokenClaimsWinOverAccessTokenClaims() throws Exception {
        open();
        String accessToken = jwt(Map.of("sub", "kc-2", "shared", "access"));
        keycloak.json(BASE + "/token", 200, json(Map.of("access_token", accessToken,
                "id_token", jwt(Map.of("shared", "id")))));
        keycloak.json(BASE + "/userinfo", 200, "{\"sub\":\"kc-2\"}");

        UserContext user = login.userInfo(login.exchangeCode("c", null));

        assertEquals("id", user.rawProfile().get("shared"));
        assertEquals("kc-2", user.username(), "no preferred_username or email: the subject");
        assertEquals(List.of(), user.scopes(), "none configured, none granted");
        assertNull(keycloak.last(BASE + "/token").form().get("code_verifier"));
    }

    @Test
    void userInfoAboutAnotherSubjectThanTheIdTokensIsRefused() throws Exception {
        open();
        keycloak.json(BASE + "/userinfo", 200, "{\"sub\":\"someone-else\"}");
        TokenSet tokens = new TokenSet("opaque", null, null, List.of(), jwt(Map.of("sub", "kc-3")));

        assertMentions(refused("invalid_token", 401, () -> login.userInfo(tokens)), "another subject");
    }

    @Test
    void refreshKeepsTheRefreshTokenWhenNotRotatedAndSendsThePreviousScopes() throws Exception {
        open();
        keycloak.json(BASE + "/token", 200, "{\"access_token\":\"at-2\",\"expires_in\":\"60\"}");

        TokenSet refreshed = login.refresh("rt-1", List.of("openid", "email"));

        assertEquals(Map.of("grant_type", "refresh_token", "client_id", "mxcp", "client_secret", "kc-secret",
                "refresh_token", "rt-1", "scope", "openid email"), keycloak.last(BASE + "/token").form());
        assertEquals(new TokenSet("at-2", "rt-1", NOW.plusSeconds(60), List.of("openid", "email"), null), refreshed);

        keycloak.json(BASE + "/token", 200, "{\"access_token\":\"at-3\",\"refresh_token\":\"rt-2\"}");
        assertEquals("rt-2", login.refresh("rt-1", List.of()).refreshToken(), "a rotated refresh token replaces it");
    }

    @Test
    void userInfoWithoutSubjectOrNotJsonIsAnInvalidToken() throws Exception {
        open();
        TokenSet tokens = new TokenSet("opaque", null, null, List.of());

        keycloak.json(BASE + "/userinfo", 200, "{\"preferred_username\":\"ana\"}");
        assertMentions(refused("invalid_token", 401, () -> login.userInfo(tokens)), "sub");
        keycloak.text(BASE + "/userinfo", 200, "<html/>");
        refused("invalid_token", 401, () -> login.userInfo(tokens));
        keycloak.json(BASE + "/userinfo", 200, "[\"sub\"]");
        refused("invalid_token", 401, () -> login.userInfo(tokens));
        keycloak.json(BASE + "/userinfo", 403, "{\"error\":\"insufficient_scope\"}");
        assertMentions(refused("invalid_token", 401, () -> login.userInfo(tokens)), "HTTP 403");
    }

    @Test
    void settingsAreChecked() {
        assertRefused(settings("https://sso.example.org", "realm", null), "auth.keycloak.realm is required");
        assertRefused(settings(null), "auth.keycloak.server_url is required");
        assertRefused(settings("sso.example.org"), "auth.keycloak.server_url is not an http(s) URL");
        assertRefused(settings("https://sso.example.org", "config_url", "https://x"),
                "auth.keycloak: unknown field config_url");
        assertRefused(settings("https://sso.example.org", "client_id", null), "auth.keycloak.client_id is required");
        assertRefused(settings("https://sso.example.org", "callback_path", null),
                "auth.keycloak.callback_path is required");
        assertRefused(null, "Keycloak provider selected but no Keycloak configuration found");
    }

    private static void assertRefused(Map<String, Object> settings, String message) {
        assertMentions(refused("server_error", 500, () -> new KeycloakAuthProvider().open(settings, CALLBACK)),
                message);
    }
}
