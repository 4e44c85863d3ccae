package io.mxcp.auth.oauth2.github;

import static io.mxcp.auth.oauth2.github.GitHubTestSettings.CALLBACK_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UpstreamLogin;

/** The {@code auth.github} block: what {@code open} accepts, and the field named when it refuses. */
class GitHubSettingsTest {
    private static final String BASE = "https://github.example.com";

    private static AuthException refused(Map<String, Object> settings) {
        return assertThrows(AuthException.class, () -> new GitHubProvider().open(settings, CALLBACK_URL));
    }

    @Test
    void theProviderIsNamedGithub() {
        assertEquals("github", new GitHubProvider().providerName());
    }

    @Test
    void aCompleteBlockOpensWithoutAskingGitHub() throws Exception {
        // GitHub at BASE does not exist: opening must not need it
        try (UpstreamLogin login = new GitHubProvider().open(GitHubTestSettings.block(BASE, "claim_mappings",
                Map.of("login", Map.of("octocat", List.of("admin")))), CALLBACK_URL)) {
            assertTrue(login.usesPkce());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "client_secret", "callback_path", "auth_url", "token_url"})
    void aMissingRequiredFieldIsNamed(String field) {
        assertEquals("auth.github." + field + " is required",
                refused(GitHubTestSettings.block(BASE, field, null)).getMessage());
        assertEquals("auth.github." + field + " is required",
                refused(GitHubTestSettings.block(BASE, field, " ")).getMessage());
    }

    @Test
    void unknownFieldsAreNamed() {
        AuthException e = refused(GitHubTestSettings.block(BASE, "clientId", "x", "audience", "y"));

        assertTrue(e.getMessage().startsWith("Unknown fields auth.github.audience, auth.github.clientId (allowed: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("api_url"), e.getMessage());
    }

    @Test
    void wrongTypesAndUrlsAreNamed() {
        assertEquals("auth.github.client_id must be a string",
                refused(GitHubTestSettings.block(BASE, "client_id", 12345)).getMessage());
        assertEquals("auth.github.scope must be a string",
                refused(GitHubTestSettings.block(BASE, "scope", List.of("repo"))).getMessage());
        assertEquals("auth.github.token_url is not an http(s) URL: it has no scheme (write https://…)",
                refused(GitHubTestSettings.block(BASE, "token_url", "github.com/login/oauth/access_token"))
                        .getMessage());
        assertEquals("auth.github.auth_url is not an http(s) URL: its scheme is neither http nor https",
                refused(GitHubTestSettings.block(BASE, "auth_url", "ftp://github.com/authorize")).getMessage());
        assertTrue(refused(GitHubTestSettings.block(BASE, "api_url", "not a url")).getMessage()
                .startsWith("auth.github.api_url "));
        assertTrue(refused(GitHubTestSettings.block(BASE, "claim_mappings", "admins")).getMessage()
                .startsWith("auth.github.claim_mappings "));
    }

    @Test
    void aMissingBlockSaysSo() {
        assertEquals("GitHub provider selected but no GitHub configuration found (auth.github)",
                refused(null).getMessage());
    }

    @Test
    void aMissingCallbackUrlIsRefused() {
        assertThrows(AuthException.class, () -> new GitHubProvider().open(GitHubTestSettings.block(BASE), null));
    }

    @Test
    void theApiIsGitHubsUnlessSetAndTheScopeIsEmptyUnlessSet() throws Exception {
        GitHubSettings defaults = GitHubSettings.parse(GitHubTestSettings.block(BASE, "api_url", null, "scope", null),
                CALLBACK_URL);
        assertEquals("https://api.github.com", defaults.apiUrl());
        assertEquals("", defaults.client().scope());
        assertEquals(List.of(), defaults.client().configuredScopes());
        assertEquals(URI.create(BASE + "/login/oauth/access_token"), defaults.client().tokenUrl());

        GitHubSettings enterprise = GitHubSettings.parse(GitHubTestSettings.block(BASE, "api_url",
                "https://ghe.example.com/api/v3/"), CALLBACK_URL);
        assertEquals("https://ghe.example.com/api/v3", enterprise.apiUrl());
        assertEquals(List.of("read:user", "user:email"), enterprise.client().configuredScopes());
    }
}
