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

import java.net.URI;
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

/** {@code provider: google}: its authorization URL, and its token and user-info legs at a fake Google. */
class GoogleLoginTest {
    private static final String CALLBACK = "https://mcp.example.org/google/callback";

    private FakeProvider google;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        google = new FakeProvider();
    }

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
        google.close();
    }

    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> base = new HashMap<>();
        base.put("client_id", "123.apps.googleusercontent.com");
        base.put("client_secret", "g-secret");
        base.put("scope", "openid email profile");
        base.put("callback_path", "/google/callback");
        return LoginTesting.settings(base, pairs);
    }

    private UpstreamLogin openAtFake() throws AuthException {
        login = new GoogleAuthProvider(URI.create(google.url() + "/oauth2/v2/userinfo"), CLOCK)
                .open(settings("auth_url", google.url() + "/auth", "token_url", google.url() + "/token"), CALLBACK);
        return login;
    }

    @Test
    void authorizationUrlAsksForOfflineAccessAtGoogle() throws Exception {
        login = new GoogleAuthProvider().open(settings(), CALLBACK);

        assertTrue(login.usesPkce());
        assertEquals("https://accounts.google.com/o/oauth2/v2/auth?client_id=123.apps.googleusercontent.com"
                + "&redirect_uri=https%3A%2F%2Fmcp.example.org%2Fgoogle%2Fcallback&response_type=code"
                + "&scope=openid+email+profile&state=st&access_type=offline&prompt=consent&code_challenge=ch"
                + "&code_challenge_method=S256", login.authorizationUrl("st", "ch"));
    }

    @Test
    void configuredAuthUrlIsUsed() throws Exception {
        login = new GoogleAuthProvider().open(settings("auth_url", "https://google.example.org/o/auth?hd=corp"),
                CALLBACK);

        assertTrue(login.authorizationUrl("st", "ch").startsWith(
                "https://google.example.org/o/auth?hd=corp&client_id=123.apps.googleusercontent.com&redirect_uri="));
    }

    @Test
    void codeExchangeAndUserInfo() throws Exception {
        openAtFake();
        String idToken = jwt(Map.of("iss", "https://accounts.google.com", "sub", "1075", "email_verified", true,
                "name", "From the ID token"));
        google.json("/token", 200, json(Map.of("access_token", "ya29.opaque", "expires_in", 3599,
                "refresh_token", "1//refresh", "scope", "openid https://www.googleapis.com/auth/userinfo.email",
                "token_type", "Bearer", "id_token", idToken)));
        google.json("/oauth2/v2/userinfo", 200, json(Map.of("id", "1075", "email", "ana.lopez@gmail.com",
                "verified_email", true, "name", "Ana López", "picture", "https://lh3.googleusercontent.com/a/x")));

        TokenSet tokens = login.exchangeCode("4/code", "g-verifier");
        UserContext user = login.userInfo(tokens);

        assertEquals(new TokenSet("ya29.opaque", "1//refresh", NOW.plusSeconds(3599),
                List.of("openid", "https://www.googleapis.com/auth/userinfo.email"), idToken), tokens);
        assertEquals(Map.of("grant_type", "authorization_code", "code", "4/code",
                "client_id", "123.apps.googleusercontent.com", "client_secret", "g-secret", "redirect_uri", CALLBACK,
                "code_verifier", "g-verifier"), google.last("/token").form());
        assertEquals("Bearer ya29.opaque", google.last("/oauth2/v2/userinfo").authorization());
        assertEquals("1075", user.userId());
        assertEquals("ana.lopez", user.username());
        assertEquals("ana.lopez@gmail.com", user.email());
        assertEquals("Ana López", user.name(), "user info wins over the ID token");
        assertEquals("https://lh3.googleusercontent.com/a/x", user.avatarUrl());
        assertEquals("google", user.provider());
        assertEquals("ya29.opaque", user.externalToken());
        assertEquals(true, user.rawProfile().get("email_verified"), "ID token claims are in the profile");
        assertEquals(true, user.rawProfile().get("verified_email"));
    }

    @Test
    void userWithoutEmailIsNamedByItsId() throws Exception {
        openAtFake();
        google.json("/oauth2/v2/userinfo", 200, "{\"id\":\"1076\"}");

        UserContext user = login.userInfo(new TokenSet("ya29.x", null, null, List.of("openid")));

        assertEquals("1076", user.username());
        assertNull(user.email());
        assertEquals(Map.of("id", "1076"), user.rawProfile());
    }

    @Test
    void profileWithoutIdIsAnInvalidToken() throws Exception {
        openAtFake();
        google.json("/oauth2/v2/userinfo", 200, "{\"email\":\"ana@gmail.com\"}");

        assertMentions(refused("invalid_token", 401,
                () -> login.userInfo(new TokenSet("ya29.x", null, null, List.of()))), "no id");
    }

    @Test
    void refreshWithoutNewRefreshToken() throws Exception {
        openAtFake();
        google.json("/token", 200, "{\"access_token\":\"ya29.new\",\"expires_in\":3599}");

        TokenSet refreshed = login.refresh("1//refresh", List.of("openid", "email"));

        assertEquals(new TokenSet("ya29.new", "1//refresh", NOW.plusSeconds(3599), List.of("openid", "email")),
                refreshed);
        assertEquals("openid email", google.last("/token").form().get("scope"));
    }

    @Test
    void settingsAreChecked() {
        assertRefused(settings("scope", null), "auth.google.scope is required");
        assertRefused(settings("token_url", "not a url"), "auth.google.token_url is not an http(s) URL");
        assertRefused(settings("realm", "x"), "auth.google: unknown field realm");
        assertRefused(null, "Google provider selected but no Google configuration found");
    }

    private static void assertRefused(Map<String, Object> settings, String message) {
        assertMentions(refused("server_error", 500, () -> new GoogleAuthProvider().open(settings, CALLBACK)),
                message);
    }
}
