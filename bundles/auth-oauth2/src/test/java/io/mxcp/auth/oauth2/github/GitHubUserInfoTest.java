package io.mxcp.auth.oauth2.github;

import static io.mxcp.auth.oauth2.github.GitHubTestSettings.CALLBACK_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.auth.oauth2.FakeUpstream;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;

/**
 * The user read from a {@link FakeUpstream} playing GitHub's REST API: profile mapping, the e-mail fallback, refused
 * profiles.
 */
class GitHubUserInfoTest {
    private static final TokenSet TOKENS = new TokenSet("gho_16C7e42F292c6912E7710c838347Ae178B4a", null, null,
            List.of("read:user", "user:email"));
    private static final String OCTOCAT = """
            {"login":"octocat","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==",
             "avatar_url":"https://avatars.githubusercontent.com/u/583231?v=4","type":"User","site_admin":false,
             "name":"The Octocat","company":"@github","email":%s,"plan":{"name":"pro","private_repos":9999}}""";

    private FakeUpstream github;
    private UpstreamLogin login;

    @BeforeEach
    void start() throws Exception {
        github = new FakeUpstream();
        login = new GitHubProvider().open(GitHubTestSettings.block(github.url()), CALLBACK_URL);
    }

    @AfterEach
    void stop() {
        login.close();
        github.close();
    }

    private static String octocat(String email) {
        return OCTOCAT.formatted(email == null ? "null" : "\"" + email + "\"");
    }

    @Test
    void mapsTheProfileAndAsksNoAddressesWhenItShowsOne() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, octocat("octocat@github.com"));

        UserContext user = login.userInfo(TOKENS);

        FakeUpstream.Request request = github.only(GitHubTestSettings.USER);
        assertEquals("GET", request.method());
        assertEquals("Bearer " + TOKENS.accessToken(), request.header("Authorization"));
        assertEquals("application/vnd.github+json", request.header("Accept"));
        assertTrue(github.requests(GitHubTestSettings.EMAILS).isEmpty());

        assertEquals("583231", user.userId());
        assertEquals("octocat", user.username());
        assertEquals("octocat@github.com", user.email());
        assertEquals("The Octocat", user.name());
        assertEquals("https://avatars.githubusercontent.com/u/583231?v=4", user.avatarUrl());
        assertEquals("github", user.provider());
        assertEquals(List.of("read:user", "user:email"), user.scopes());
        assertEquals(TOKENS.accessToken(), user.externalToken());
        assertEquals(583231, user.rawProfile().get("id"));
        assertEquals(Map.of("name", "pro", "private_repos", 9999), user.rawProfile().get("plan"));
        assertTrue(user.rawProfile().containsKey("email"));
        assertTrue(user.capabilities().isEmpty());
    }

    @Test
    void withoutLoginTheUsernameIsTheId() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, "{\"id\":42,\"email\":\"a@example.com\"}");

        UserContext user = login.userInfo(TOKENS);

        assertEquals("42", user.userId());
        assertEquals("42", user.username());
        assertNull(user.name());
        assertNull(user.avatarUrl());
    }

    @Test
    void aPrivateAddressIsThePrimaryVerifiedOne() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, octocat(null)).reply(GitHubTestSettings.EMAILS, 200, """
                [{"email":"old@example.com","primary":false,"verified":true,"visibility":null},
                 {"email":"unverified@example.com","primary":false,"verified":false,"visibility":null},
                 {"email":"octocat@github.com","primary":true,"verified":true,"visibility":"private"}]""");

        UserContext user = login.userInfo(TOKENS);

        assertEquals("octocat@github.com", user.email());
        FakeUpstream.Request request = github.only(GitHubTestSettings.EMAILS);
        assertEquals("Bearer " + TOKENS.accessToken(), request.header("Authorization"));
        assertEquals("application/vnd.github+json", request.header("Accept"));
        assertNull(user.rawProfile().get("email"), "the raw profile is GitHub's answer as received");
    }

    @Test
    void withoutAVerifiedPrimaryTheFirstVerifiedAddressIsTaken() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, octocat(null)).reply(GitHubTestSettings.EMAILS, 200, """
                [{"email":"primary@example.com","primary":true,"verified":false},
                 {"email":"","primary":false,"verified":true},
                 {"email":"verified@example.com","primary":false,"verified":true},
                 {"email":"second@example.com","primary":false,"verified":true}]""");

        assertEquals("verified@example.com", login.userInfo(TOKENS).email());
    }

    @Test
    void withoutAVerifiedAddressTheFirstWithAnAddressIsTaken() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, octocat("")).reply(GitHubTestSettings.EMAILS, 200, """
                [{"primary":true,"verified":true},
                 {"email":null,"primary":false,"verified":true},
                 {"email":"first@example.com","primary":false,"verified":false},
                 {"email":"second@example.com","primary":true,"verified":false}]""");

        assertEquals("first@example.com", login.userInfo(TOKENS).email());
    }

    @Test
    void aFailingAddressListLeavesTheEmailNull() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, octocat(null)).reply(GitHubTestSettings.EMAILS, 403,
                "{\"message\":\"Resource not accessible by integration\"}");
        UserContext forbidden = login.userInfo(TOKENS);
        assertEquals("583231", forbidden.userId());
        assertNull(forbidden.email());

        github.reply(GitHubTestSettings.EMAILS, 200, "{\"not\":\"a list\"}");
        assertNull(login.userInfo(TOKENS).email());

        github.reply(GitHubTestSettings.EMAILS, 200, "[]");
        assertNull(login.userInfo(TOKENS).email());
        assertEquals(3, github.requests(GitHubTestSettings.EMAILS).size());
    }

    @Test
    void aProfileWithoutIdIsInvalidToken() throws Exception {
        github.reply(GitHubTestSettings.USER, 200, "{\"login\":\"octocat\",\"id\":null}");

        AuthException e = assertThrows(AuthException.class, () -> login.userInfo(TOKENS));

        assertEquals("invalid_token", e.error());
        assertEquals(401, e.status());
        assertEquals("GitHub profile missing id", e.getMessage());
    }

    @Test
    void aRefusedOrUnreadableProfileIsInvalidToken() throws Exception {
        github.reply(GitHubTestSettings.USER, 401, "{\"message\":\"Bad credentials\"}");
        AuthException refused = assertThrows(AuthException.class, () -> login.userInfo(TOKENS));
        assertEquals("invalid_token", refused.error());
        assertEquals(401, refused.status());
        assertFalse(refused.getMessage().contains("Bad credentials"), refused.getMessage());
        assertFalse(refused.getMessage().contains(TOKENS.accessToken()), refused.getMessage());

        github.reply(GitHubTestSettings.USER, 200, "<html>maintenance</html>");
        AuthException unreadable = assertThrows(AuthException.class, () -> login.userInfo(TOKENS));
        assertEquals("invalid_token", unreadable.error());
        assertEquals(401, unreadable.status());

        github.reply(GitHubTestSettings.USER, 200, "[{\"id\":1}]");
        assertEquals("invalid_token", assertThrows(AuthException.class, () -> login.userInfo(TOKENS)).error());
        assertTrue(github.requests(GitHubTestSettings.EMAILS).isEmpty());
    }
}
