package io.mxcp.auth.oidc.login;

import static io.mxcp.auth.oidc.login.LoginTesting.CLOCK;
import static io.mxcp.auth.oidc.login.LoginTesting.NOW;
import static io.mxcp.auth.oidc.login.LoginTesting.assertMentions;
import static io.mxcp.auth.oidc.login.LoginTesting.challenge;
import static io.mxcp.auth.oidc.login.LoginTesting.refused;
import static io.mxcp.auth.oidc.login.LoginTesting.settings;
import static io.mxcp.auth.oidc.login.LoginTesting.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.TokenRequest;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UpstreamLogin;
import io.mxcp.sdk.auth.UserContext;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/** {@code provider: oidc} against a real OIDC provider (mock-oauth2-server): the whole sign-in, refresh, failures. */
class OidcLoginTest {
    private static final String ISSUER_ID = "default";
    private static final String CLIENT_ID = "mxcp-server";
    private static final String CALLBACK = "http://localhost:8000/oidc/callback";

    private MockOAuth2Server issuer;
    private UpstreamLogin login;

    @BeforeEach
    void startIssuer() {
        issuer = new MockOAuth2Server();
        issuer.start();
    }

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
        issuer.shutdown();
    }

    private Map<String, Object> settings(Object... pairs) {
        Map<String, Object> base = new HashMap<>();
        base.put("config_url", issuer.wellKnownUrl(ISSUER_ID).toString());
        base.put("client_id", CLIENT_ID);
        base.put("client_secret", "the-client-secret");
        base.put("scope", "openid profile email");
        base.put("callback_path", "/oidc/callback");
        base.put("claim_mappings", Map.of("groups", Map.of("admins", List.of("admin"))));
        return LoginTesting.settings(base, pairs);
    }

    private UpstreamLogin open(Object... pairs) throws AuthException {
        login = new OidcAuthProvider(CLOCK).open(settings(pairs), CALLBACK);
        return login;
    }

    /** Follows the authorization URL as a browser would; the provider signs in without asking. */
    private static Map<String, String> signIn(String authorizationUrl) throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), response::body);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(CALLBACK + "?"), location);
            Map<String, String> query = new HashMap<>();
            for (String pair : URI.create(location).getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            return query;
        }
    }

    /** Tokens for this subject with these extra claims; the ID token (issued first) also gets {@code id_only}. */
    private void nextLogin(String subject, Map<String, Object> claims) {
        DefaultOAuth2TokenCallback tokens = new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
                List.of("api://mxcp"), claims, 3600);
        AtomicBoolean idTokenIssued = new AtomicBoolean();
        issuer.enqueueCallback(new OAuth2TokenCallback() {
            @Override
            public String issuerId() {
                return tokens.issuerId();
            }

            @Override
            public String subject(TokenRequest request) {
                return tokens.subject(request);
            }

            @Override
            public String typeHeader(TokenRequest request) {
                return tokens.typeHeader(request);
            }

            @Override
            public List<String> audience(TokenRequest request) {
                return tokens.audience(request);
            }

            @Override
            public Map<String, Object> addClaims(TokenRequest request) {
                Map<String, Object> added = new HashMap<>(tokens.addClaims(request));
                if (!idTokenIssued.getAndSet(true)) {
                    added.put("id_only", "from the ID token");
                }
                return added;
            }

            @Override
            public long tokenExpiry() {
                return tokens.tokenExpiry();
            }
        });
    }

    private TokenSet signedIn(String verifier) throws Exception {
        Map<String, String> callback = signIn(login.authorizationUrl("state-1", challenge(verifier)));
        assertEquals("state-1", callback.get("state"));
        return login.exchangeCode(callback.get("code"), verifier);
    }

    @Test
    void signInExchangeUserInfoAndRefresh() throws Exception {
        open();
        assertTrue(login.usesPkce(), "the provider names S256");
        nextLogin("user-42", Map.of("preferred_username", "ana", "email", "ana.lopez@example.org",
                "name", "Ana López", "picture", "https://img.example.org/ana.png", "groups", List.of("admins")));

        TokenSet tokens = signedIn(verifier());

        assertNotNull(tokens.accessToken());
        assertNotNull(tokens.refreshToken());
        assertNotNull(tokens.idToken());
        assertEquals(List.of("openid", "profile", "email"), tokens.scopes(), "none granted: the configured ones");
        assertTrue(!tokens.expiresAt().isBefore(NOW.plusSeconds(3590))
                && !tokens.expiresAt().isAfter(NOW.plusSeconds(3600)), () -> "expires at " + tokens.expiresAt());

        UserContext user = login.userInfo(tokens);

        assertEquals("user-42", user.userId());
        assertEquals("ana", user.username());
        assertEquals("ana.lopez@example.org", user.email());
        assertEquals("Ana López", user.name());
        assertEquals("https://img.example.org/ana.png", user.avatarUrl());
        assertEquals("oidc", user.provider());
        assertEquals(List.of("openid", "profile", "email"), user.scopes());
        assertEquals(tokens.accessToken(), user.externalToken());
        assertEquals(List.of("admins"), user.rawProfile().get("groups"));
        assertEquals("from the ID token", user.rawProfile().get("id_only"), "ID token claims are in the profile");
        assertEquals(issuer.issuerUrl(ISSUER_ID).toString(), user.rawProfile().get("iss"));

        TokenSet refreshed = login.refresh(tokens.refreshToken(), tokens.scopes());

        assertNotEquals(tokens.accessToken(), refreshed.accessToken());
        assertEquals(tokens.refreshToken(), refreshed.refreshToken());
        assertEquals(List.of("openid", "profile", "email"), refreshed.scopes());
        assertNotNull(refreshed.idToken());
        assertEquals("user-42", login.userInfo(refreshed).userId());
    }

    @Test
    void usernameFallsBackToTheEmailLocalPartThenTheSubject() throws Exception {
        open("provider_name", "corp-sso");
        nextLogin("user-7", Map.of("email", "bob@example.org"));
        UserContext byEmail = login.userInfo(signedIn(verifier()));
        nextLogin("user-8", Map.of());
        UserContext bySubject = login.userInfo(signedIn(verifier()));

        assertEquals("bob", byEmail.username());
        assertEquals("corp-sso", byEmail.provider());
        assertEquals("user-8", bySubject.username());
        assertEquals(null, bySubject.email());
    }

    @Test
    void usersSeeTheConfiguredNameElseTheProvidersHost() {
        OidcAuthProvider provider = new OidcAuthProvider(CLOCK);

        assertEquals("Corp SSO", provider.displayName(settings("provider_name", " Corp SSO ")));
        assertEquals(issuer.wellKnownUrl(ISSUER_ID).host(), provider.displayName(settings()));
        assertEquals("OIDC", provider.displayName(settings("config_url", "not a url")));
    }

    @Test
    void codeWithTheWrongVerifierIsAnInvalidGrant() throws Exception {
        open();
        Map<String, String> callback = signIn(login.authorizationUrl("state-2", challenge(verifier())));

        AuthException e = refused("invalid_grant", 400, () -> login.exchangeCode(callback.get("code"), verifier()));

        assertFalse(e.getMessage().contains(callback.get("code")), e::getMessage);
    }

    @Test
    void garbageAccessTokenGetsNoUser() throws Exception {
        open();

        refused("invalid_token", 401, () -> login.userInfo(new TokenSet("garbage", null, null, List.of())));
    }

    @Test
    void unreachableProviderIsTemporarilyUnavailable() throws Exception {
        open();
        issuer.shutdown();

        refused("temporarily_unavailable", 503, () -> login.exchangeCode("code", verifier()));
        refused("temporarily_unavailable", 503, () -> login.refresh("refresh", List.of("openid")));
        refused("temporarily_unavailable", 503, () -> login.userInfo(new TokenSet("token", null, null, List.of())));
    }

    @Test
    void missingDiscoveryDocumentStopsTheOpen() throws Exception {
        try (FakeProvider elsewhere = new FakeProvider()) {
            String missing = elsewhere.url() + "/.well-known/openid-configuration";

            AuthException e = refused("server_error", 500,
                    () -> new OidcAuthProvider(CLOCK).open(settings("config_url", missing), CALLBACK));

            assertMentions(e, missing, "HTTP 404");
        }
    }

    @Test
    void pathThatIsNoDiscoveryDocumentStopsTheOpen() {
        String wrong = issuer.url("/no/such/document").toString();

        AuthException e = refused("server_error", 500,
                () -> new OidcAuthProvider(CLOCK).open(settings("config_url", wrong), CALLBACK));

        assertMentions(e, wrong, "could not be read");
    }

    @Test
    void unreachableDiscoveryStopsTheOpen() throws Exception {
        String down = "http://127.0.0.1:" + LoginTesting.closedPort() + "/.well-known/openid-configuration";

        AuthException e = refused("temporarily_unavailable", 503,
                () -> new OidcAuthProvider(CLOCK).open(settings("config_url", down), CALLBACK));

        assertEquals("The identity provider could not be reached at " + down + ": connection refused", e.getMessage());
    }

    @Test
    void authorizationUrlNamesTheDiscoveredEndpointInTheSpecsOrder() throws Exception {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("prompt", "login");
        extra.put("login_hint", "ana@example.org");
        open("scope", "openid email", "audience", "https://api.example.org", "extra_authorize_params", extra);

        assertEquals(issuer.authorizationEndpointUrl(ISSUER_ID) + "?client_id=mxcp-server&response_type=code"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Foidc%2Fcallback&scope=openid+email&state=st-1"
                + "&audience=https%3A%2F%2Fapi.example.org&code_challenge=ch-1&code_challenge_method=S256"
                + "&prompt=login&login_hint=ana%40example.org", login.authorizationUrl("st-1", "ch-1"));
    }

    @Test
    void theLoginWorksWithTheAudienceAndExtraParameters() throws Exception {
        // (prompt=login would show the mock's login form)
        open("audience", "https://api.example.org", "extra_authorize_params", Map.of("ui_locales", "en"));
        nextLogin("user-9", Map.of());

        assertEquals("user-9", login.userInfo(signedIn(verifier())).userId());
    }

    @Test
    void settingsAreCheckedBeforeDiscovery() {
        assertRefused(settings("scope", "profile email"), "OIDC scope must include 'openid'");
        assertRefused(settings("scope", null), "auth.oidc.scope is required");
        assertRefused(settings("callback_path", null), "auth.oidc.callback_path is required");
        assertRefused(settings("client_secret", " "), "auth.oidc.client_secret is required");
        assertRefused(settings("config_url", null), "auth.oidc.config_url is required");
        assertRefused(settings("config_url", "file:///etc/passwd"), "auth.oidc.config_url is not an http(s) URL");
        assertRefused(settings("client_id", 42), "auth.oidc.client_id must be a string");
        assertRefused(settings("realm", "corp", "auth_url", "https://x"), "auth.oidc: unknown fields auth_url, realm");
        assertRefused(settings("extra_authorize_params", Map.of("max_age", 300)),
                "auth.oidc.extra_authorize_params.max_age must be a string");
        assertRefused(settings("extra_authorize_params", "prompt=login"),
                "auth.oidc.extra_authorize_params must be a mapping");
        assertRefused(settings("extra_authorize_params", Map.of("redirect_uri", "https://evil.example.org/")),
                "auth.oidc.extra_authorize_params.redirect_uri: the server sets this parameter itself");
        assertRefused(null, "OIDC provider selected but no OIDC configuration found");
    }

    @Test
    void secretsAreNotRepeatedInSettingsErrors() {
        AuthException e = assertRefused(settings("client_secret", List.of("s3cret-value")),
                "auth.oidc.client_secret must be a string");
        LoginTesting.assertNotMentioned(e, "s3cret-value");
    }

    private AuthException assertRefused(Map<String, Object> settings, String message) {
        AuthException e = refused("server_error", 500, () -> new OidcAuthProvider(CLOCK).open(settings, CALLBACK));
        assertMentions(e, message);
        return e;
    }
}
