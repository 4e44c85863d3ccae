package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.auth.ScriptedLogins;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.UserContext;

/**
 * Issuer mode over HTTP: the server as the OAuth authorization server of its MCP clients, signing users in at a
 * scripted upstream provider, with the real token store.
 */
class HttpIssuerTest {
    private static final String CLI_REDIRECT = "http://127.0.0.1:9999/cb";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;
    private final AuthServices services = new AuthServices();
    private final ScriptedLogins logins = new ScriptedLogins();
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        services.providers().add(logins);
        project.withUserConfig(ScriptedLogins.issuerConfig(project.name(), dir.resolve("oauth.db").toString()));
        server = new McpServerFactory("9.9.9", services).startHttp(project, new HttpServerOptions("localhost", 0, false));
        base = "http://localhost:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theServerDescribesItselfAsTheAuthorizationServerOfItsMcpEndpoint() throws Exception {
        HttpResponse<String> response = get("/.well-known/oauth-authorization-server");
        assertEquals(200, response.statusCode());
        JsonNode metadata = Messages.parse(response.body());
        assertEquals(base, metadata.get("issuer").asText());
        assertEquals(base + "/authorize", metadata.get("authorization_endpoint").asText());
        assertEquals(base + "/token", metadata.get("token_endpoint").asText());
        assertEquals(base + "/register", metadata.get("registration_endpoint").asText());
        assertEquals(base + "/revoke", metadata.get("revocation_endpoint").asText());
        assertEquals("[\"S256\"]", metadata.get("code_challenge_methods_supported").toString());
        assertTrue(metadata.get("client_id_metadata_document_supported").asBoolean());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("public, max-age=3600", response.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(response.headers().firstValue("Pragma").isEmpty(), "no contradicting Pragma: no-cache");

        // a client id naming a metadata document inside the server's network is refused before anything is fetched
        HttpResponse<String> internal = get(authorizeQuery("https://127.0.0.1:9/oauth/client.json", CLI_REDIRECT,
                challengeOf("cimd-verifier-0123456789-0123456789-0123456789"), "S256"));
        assertOAuthError(internal, 400, "invalid_client", "The client metadata document cannot be fetched: 127.0.0.1 "
                + "resolves to 127.0.0.1, which is not a public address");

        JsonNode resource = Messages.parse(get("/.well-known/oauth-protected-resource/mcp").body());
        assertEquals(base, resource.at("/authorization_servers/0").asText());
        assertEquals(base + "/github/callback", logins.callbackUrl);
        HttpResponse<String> anonymous = callEcho(null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\""));
    }

    @Test
    void aRegisteredClientSignsItsUserInUpstreamAndCallsWithTheTokenItGets() throws Exception {
        HttpResponse<String> registered = postJson("/register", "{\"client_name\":\"Desktop\",\"redirect_uris\":"
                + "[\"http://localhost:7777/callback\"],\"token_endpoint_auth_method\":\"none\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonNode client = Messages.parse(registered.body());
        assertFalse(client.has("client_secret"), "a public client gets no secret");
        String clientId = client.get("client_id").asText();

        String verifier = "verifier-of-the-desktop-client-0123456789-abcdefghij";
        String code = signIn(clientId, "http://localhost:7777/callback", "alice", verifier);
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code, "client_id",
                clientId, "redirect_uri", "http://localhost:7777/callback", "code_verifier", verifier));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode issued = Messages.parse(tokens.body());
        assertEquals("Bearer", issued.get("token_type").asText());
        assertEquals("mcp.read", issued.get("scope").asText());
        assertTrue(issued.get("access_token").asText().matches("mcp_[0-9a-f]{64}"));
        assertTrue(issued.get("expires_in").asLong() > 3500);

        HttpResponse<String> call = callEcho(issued.get("access_token").asText());
        assertEquals(200, call.statusCode(), call.body());
        UserContext user = project.lastUsers.get("echo");
        assertEquals("alice", user.username());
        assertEquals(List.of("admin"), user.capabilities());
        assertEquals("upstream-alice", user.externalToken(), "endpoints can call the provider as the user");
        String stored = new String(Files.readAllBytes(dir.resolve("oauth.db")), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(issued.get("access_token").asText()), "tokens are encrypted at rest");
        assertFalse(stored.contains("upstream-alice"));
    }

    @Test
    void aCodeNeedsItsVerifierItsClientAndWorksOnce() throws Exception {
        String verifier = "the-cli-verifier-0123456789-0123456789-0123456789";
        String code = signIn("cli", CLI_REDIRECT, "alice", verifier);
        Map<String, String> redeem = new HashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", "cli", "redirect_uri", CLI_REDIRECT, "code_verifier", "wrong-verifier-0123456789-0123456789"));
        assertOAuthError(token(redeem), 400, "invalid_grant", "incorrect code_verifier");
        redeem.remove("code_verifier");
        assertOAuthError(token(redeem), 400, "invalid_grant", "code_verifier is required");

        JsonNode other = Messages.parse(postJson("/register", "{\"redirect_uris\":[\"https://other.example/cb\"]}").body());
        Map<String, String> stolen = new HashMap<>(redeem);
        stolen.put("client_id", other.get("client_id").asText());
        stolen.put("client_secret", other.get("client_secret").asText());
        stolen.put("code_verifier", verifier);
        assertOAuthError(token(stolen), 400, "invalid_grant", "authorization code does not exist");

        redeem.put("code_verifier", verifier);
        JsonNode first = Messages.parse(token(redeem).body());
        String access = first.get("access_token").asText();
        assertEquals(200, callEcho(access).statusCode());
        assertEquals(400, token(redeem).statusCode(), "a code works once");
        assertEquals(401, callEcho(access).statusCode(), "a replayed code revokes what it issued");
    }

    @Test
    void authorizeNeverRedirectsToAnUnregisteredUriAndRequiresS256() throws Exception {
        HttpResponse<String> unknown = get("/authorize?client_id=nobody&response_type=code&code_challenge=x");
        assertOAuthError(unknown, 400, "invalid_request", "Client ID 'nobody' not found");
        HttpResponse<String> foreign = get(authorizeQuery("cli", CLI_REDIRECT + "?extra=1", "x", "S256"));
        assertOAuthError(foreign, 400, "invalid_request", "Redirect URI '" + CLI_REDIRECT + "?extra=1' not registered "
                + "for client");
        assertTrue(foreign.headers().firstValue("Location").isEmpty());

        Map<String, String> plain = query(get(authorizeQuery("cli", CLI_REDIRECT, "x", "plain")));
        assertEquals("invalid_request", plain.get("error"));
        assertEquals("client-state", plain.get("state"));
        Map<String, String> noChallenge = query(get("/authorize?client_id=cli&response_type=code&redirect_uri="
                + encode(CLI_REDIRECT)));
        assertEquals("code_challenge is required (PKCE with S256)", noChallenge.get("error_description"));
        Map<String, String> target = query(get(authorizeQuery("cli", CLI_REDIRECT, challengeOf("any-verifier"), "S256")
                + "&resource=" + encode("https://elsewhere.example/mcp")));
        assertEquals("invalid_target", target.get("error"));

        for (String nativeApp : List.of("com.example.app:/cb", "cursor://anysphere.cursor-mcp/oauth/callback",
                "myapp:/cb")) {
            assertEquals(201, postJson("/register", "{\"redirect_uris\":[\"" + nativeApp + "\"]}").statusCode(),
                    "a native app's private-use scheme: " + nativeApp);
        }
        assertOAuthError(postJson("/register", "{\"redirect_uris\":[\"javascript:alert(1)\"]}"), 400,
                "invalid_client_metadata", "redirect_uris: 'javascript:alert(1)' has a forbidden scheme");
        for (String route : List.of("/register", "/token")) {
            for (int declared : new int[] {100_000, 3_000_000}) {
                String answer = declaredOnly(route, declared);
                assertTrue(answer.startsWith("HTTP/1.1 413 ") && answer.contains("\"error_description\":\"the body "
                        + "exceeds 65536 bytes\""), route + " with a body of " + declared + " bytes: " + answer);
            }
        }
        HttpResponse<String> evil = postJson("/register", "{\"redirect_uris\":[\"http://evil.com/cb\"]}");
        assertOAuthError(evil, 400, "invalid_client_metadata", "redirect_uris: 'http://evil.com/cb' must use https "
                + "(http only for localhost, 127.0.0.1 or [::1])");
    }

    @Test
    void aClientThatRegisteredItselfNeedsTheUsersConsentInTheBrowserThatAsked() throws Exception {
        JsonNode client = Messages.parse(postJson("/register", "{\"client_name\":\"<b>Evil</b> Tool\","
                + "\"redirect_uris\":[\"https://tool.example/cb\"]}").body());
        String clientId = client.get("client_id").asText();
        String challenge = challengeOf("consent-verifier-0123456789-0123456789-0123");
        HttpResponse<String> page = get(authorizeQuery(clientId, "https://tool.example/cb", challenge, "S256"));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("&lt;b&gt;Evil&lt;/b&gt; Tool"), "the client's name, escaped");
        assertTrue(page.body().contains("tool.example") && page.body().contains("sign in at <strong>GitHub</strong>"), page.body());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        String cookie = cookieOf(page);
        assertTrue(page.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly; SameSite=Lax"));

        assertOAuthError(consent(page, "allow", null), 400, "invalid_request",
                "The authorization request was started in another browser");
        HttpResponse<String> again = get(authorizeQuery(clientId, "https://tool.example/cb", challenge, "S256"));
        HttpResponse<String> allowed = consent(again, "allow", cookieOf(again));
        String state = query(allowed).get("state");
        assertOAuthError(get("/github/callback?code=alice-code&state=" + state), 400, "invalid_state",
                "The sign-in did not start in this browser");

        HttpResponse<String> third = get(authorizeQuery(clientId, "https://tool.example/cb", challenge, "S256"));
        Map<String, String> denied = query(consent(third, "deny", cookieOf(third)));
        assertEquals("access_denied", denied.get("error"));
        assertEquals("client-state", denied.get("state"));

        HttpResponse<String> badType = get("/authorize?client_id=" + clientId + "&response_type=token&code_challenge="
                + challenge + "&redirect_uri=" + encode("https://tool.example/cb"));
        assertOAuthError(badType, 400, "unsupported_response_type", "response_type must be code");
        assertTrue(badType.headers().firstValue("Location").isEmpty(), "no redirect to a client nobody consented to");
        assertFalse(cookie.isEmpty());
    }

    @Test
    void theCallbackTakesEachStateOnceAndPassesUpstreamErrorsToTheClient() throws Exception {
        String state = upstreamState("cli", CLI_REDIRECT, challengeOf("v-0123456789-0123456789-0123456789-0123"));
        assertEquals(307, get("/github/callback?code=alice-code&state=" + state).statusCode());
        assertOAuthError(get("/github/callback?code=alice-code&state=" + state), 400, "invalid_state",
                "State not found or expired");

        String denied = upstreamState("cli", CLI_REDIRECT, challengeOf("v-0123456789-0123456789-0123456789-0123"));
        HttpResponse<String> back = get("/github/callback?error=access_denied&state=" + denied);
        assertEquals(307, back.statusCode());
        Map<String, String> answer = query(back);
        assertEquals("access_denied", answer.get("error"));
        assertEquals("client-state", answer.get("state"));
        assertFalse(back.headers().firstValue("Location").orElseThrow().contains(denied));
        assertNull(answer.get("code"));
        Map<String, String> failed = query(get("/github/callback?code=mallory-code&state=" + upstreamState("cli",
                CLI_REDIRECT, challengeOf("v-0123456789-0123456789-0123456789-0123"))));
        assertEquals("server_error", failed.get("error"), "the client waiting at its redirect URI hears of it");
        assertEquals("The sign-in at GitHub failed (invalid_grant)", failed.get("error_description"));
        assertEquals("client-state", failed.get("state"));
        assertNull(failed.get("code"));

        logins.exchangeFailure = new AuthException("connection refused", "temporarily_unavailable", 503);
        Map<String, String> down = query(get("/github/callback?code=alice-code&state=" + upstreamState("cli",
                CLI_REDIRECT, challengeOf("v-0123456789-0123456789-0123456789-0123"))));
        assertEquals("temporarily_unavailable", down.get("error"));
        assertEquals("client-state", down.get("state"));
    }

    @Test
    void aCliMayListenOnAnyLoopbackPortOfTheUriItRegistered() throws Exception {
        String elsewhere = "http://127.0.0.1:40000/cb";
        String verifier = "the-cli-verifier-on-another-port-0123456789-0123456789";
        String code = signIn("cli", elsewhere, "alice", verifier);
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code, "client_id", "cli",
                "redirect_uri", elsewhere, "code_verifier", verifier));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String again = signIn("cli", elsewhere, "alice", verifier);
        assertOAuthError(token(Map.of("grant_type", "authorization_code", "code", again, "client_id", "cli",
                "redirect_uri", CLI_REDIRECT, "code_verifier", verifier)), 400, "invalid_grant",
                "redirect_uri did not match the one used when creating auth code");
        assertOAuthError(get(authorizeQuery("cli", "http://127.0.0.1:40000/other", "x", "S256")), 400,
                "invalid_request", "Redirect URI 'http://127.0.0.1:40000/other' not registered for client");
        assertOAuthError(get(authorizeQuery("cli", "http://localhost:9999/cb", "x", "S256")), 400,
                "invalid_request", "Redirect URI 'http://localhost:9999/cb' not registered for client");
        // the code would follow in the fragment, where a loopback listener never sees it (RFC 6749 §3.1.2)
        assertOAuthError(get(authorizeQuery("cli", "http://127.0.0.1:40000/cb#frag", "x", "S256")), 400,
                "invalid_request", "Redirect URI 'http://127.0.0.1:40000/cb#frag' not registered for client");
    }

    @Test
    void aClientThatNamesTheServerByItsLoopbackAddressGetsTokensForThatName() throws Exception {
        String alias = "http://127.0.0.1:" + server.port();
        JsonNode resource = Messages.parse(HTTP.send(HttpRequest.newBuilder(URI.create(alias
                + "/.well-known/oauth-protected-resource/mcp")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(alias + "/mcp", resource.get("resource").asText(), "the MCP URL the client connected to");
        assertEquals(base, resource.at("/authorization_servers/0").asText());

        String verifier = "the-verifier-of-a-client-of-127-0-0-1-0123456789";
        String state = upstreamStateFor(authorizeQuery("cli", CLI_REDIRECT, challengeOf(verifier), "S256")
                + "&resource=" + encode(alias + "/mcp"));
        String code = query(get("/github/callback?code=alice-code&state=" + state)).get("code");
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code, "client_id", "cli",
                "redirect_uri", CLI_REDIRECT, "code_verifier", verifier, "resource", alias + "/mcp"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        HttpResponse<String> call = HTTP.send(HttpRequest.newBuilder(URI.create(alias + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", McpPosts.BOTH)
                .header("Authorization", "Bearer " + Messages.parse(tokens.body()).get("access_token").asText())
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "tools/list")
                .POST(HttpRequest.BodyPublishers.ofString(Messages.modern(1, "tools/list", null).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, call.statusCode(), call.body());
    }

    @Test
    void aClientFailingToAuthenticateIsInvalidClient() throws Exception {
        JsonNode confidential = Messages.parse(postJson("/register", "{\"redirect_uris\":[\"https://c.example/cb\"]}")
                .body());
        assertOAuthError(token(Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id",
                confidential.get("client_id").asText(), "client_secret", "wrong")), 401, "invalid_client",
                "Invalid client_secret");
        assertOAuthError(token(Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id", "nobody")),
                401, "invalid_client", "Invalid client_id");
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((confidential.get("client_id")
                        .asText() + ":wrong").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertOAuthError(basic, 401, "invalid_client", "Invalid client_secret");
        assertEquals("Basic realm=\"mxcp\"", basic.headers().firstValue("WWW-Authenticate").orElseThrow(),
                "RFC 6749 §5.2: a client that used the Authorization header is challenged there");
    }

    @Test
    void withoutRequiredScopesATokenAnswerNamesNoScope() throws Exception {
        server.close();
        project.withUserConfig(ScriptedLogins.issuerConfig(project.name(), dir.resolve("unscoped.db").toString(),
                List.of()));
        server = new McpServerFactory("9.9.9", services).startHttp(project, new HttpServerOptions("localhost", 0, false));
        base = "http://localhost:" + server.port();
        String verifier = "the-cli-verifier-without-scopes-0123456789-0123456789";
        String code = signIn("cli", CLI_REDIRECT, "bob", verifier);
        JsonNode issued = Messages.parse(token(Map.of("grant_type", "authorization_code", "code", code, "client_id",
                "cli", "redirect_uri", CLI_REDIRECT, "code_verifier", verifier)).body());
        assertTrue(issued.has("access_token"), issued.toString());
        assertFalse(issued.has("scope"), "no empty scope (RFC 6749 §3.3): " + issued);
    }

    @Test
    void theServerStartsWhileTheProviderCannotBeReachedAndSignsInOnceItCan() throws Exception {
        server.close();
        logins.unreachableOpens.set(2);
        server = new McpServerFactory("9.9.9", services).startHttp(project, new HttpServerOptions("localhost", 0, false));
        base = "http://localhost:" + server.port();
        HttpResponse<String> unavailable = get(authorizeQuery("cli", CLI_REDIRECT,
                challengeOf("v-0123456789-0123456789-0123456789-0123"), "S256"));
        assertOAuthError(unavailable, 503, "temporarily_unavailable", null);
        assertEquals("5", unavailable.headers().firstValue("Retry-After").orElseThrow());
        String verifier = "the-cli-verifier-after-the-outage-0123456789-0123456789";
        String code = signIn("cli", CLI_REDIRECT, "alice", verifier);
        assertEquals(200, token(Map.of("grant_type", "authorization_code", "code", code, "client_id", "cli",
                "redirect_uri", CLI_REDIRECT, "code_verifier", verifier)).statusCode());
    }

    @Test
    void refreshRotatesTheTokensAndAReplayFromAnotherClientRevokesTheFamily() throws Exception {
        String verifier = "refresh-verifier-0123456789-0123456789-012345";
        JsonNode first = cliTokens("bob", verifier);
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", "cli", "refresh_token",
                first.get("refresh_token").asText());
        int usersRead = logins.userInfos.get();
        JsonNode second = Messages.parse(token(refresh).body());
        assertEquals(usersRead + 1, logins.userInfos.get(), "a refresh reads the user again from the provider");
        assertEquals(401, callEcho(first.get("access_token").asText()).statusCode(), "the old access token died");
        assertEquals(200, callEcho(second.get("access_token").asText()).statusCode());
        assertEquals("upstream-bob-1", project.lastUsers.get("echo").externalToken(), "upstream tokens refreshed");
        JsonNode retried = Messages.parse(token(refresh).body());
        assertEquals(second.get("access_token"), retried.get("access_token"), "a quick retry gets the same answer");
        assertEquals(second.get("refresh_token"), retried.get("refresh_token"));
        JsonNode third = Messages.parse(token(Map.of("grant_type", "refresh_token", "client_id", "cli",
                "refresh_token", second.get("refresh_token").asText())).body());
        try (LogLines log = LogLines.of("io.mxcp.mcp.internal.oauth.TokenEndpoint")) {
            assertOAuthError(token(refresh), 400, "invalid_grant",
                    "refresh token was already used; the tokens of its sign-in are revoked");
            assertEquals(1, log.lines().size(), log.lines()::toString);
            assertTrue(log.lines().get(0).matches("WARNING A refresh token of client cli came back \\d+ s after it was"
                    + " exchanged \\(presented by client cli\\) and every token of its sign-in \\(user bob-id\\) is"
                    + " revoked: a replayed refresh token may have been stolen"), log.lines()::toString);
        }
        assertEquals(401, callEcho(third.get("access_token").asText()).statusCode(),
                "the first token again after its successor was used: a replay, the family is revoked");

        JsonNode other = Messages.parse(postJson("/register", "{\"redirect_uris\":[\"https://other.example/cb\"]}").body());
        Map<String, String> replay = new LinkedHashMap<>(refresh);
        replay.put("client_id", other.get("client_id").asText());
        replay.put("client_secret", other.get("client_secret").asText());
        assertOAuthError(token(replay), 400, "invalid_grant",
                "refresh token was already used; the tokens of its sign-in are revoked");
        assertEquals(401, callEcho(second.get("access_token").asText()).statusCode(), "the family is revoked");
        assertEquals(400, token(Map.of("grant_type", "refresh_token", "client_id", "cli", "refresh_token",
                second.get("refresh_token").asText())).statusCode());
    }

    @Test
    void aProviderOutageDuringARefreshLeavesTheRefreshTokenUsable() throws Exception {
        logins.upstreamLifetime = Duration.ofDays(60);
        String verifier = "outage-verifier-0123456789-0123456789-0123456";
        JsonNode first = cliTokens("bob", verifier);
        long lifetime = first.get("expires_in").asLong();
        assertTrue(lifetime > 86_000 && lifetime <= 86_400, "capped at a day, not the provider's 60 days: " + lifetime);
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", "cli", "refresh_token",
                first.get("refresh_token").asText());

        for (int status : new int[] {502, 429, 503}) {
            logins.refreshFailure = new AuthException("GitHub answered HTTP " + status, "invalid_grant", status);
            assertOAuthError(token(refresh), 503, "temporarily_unavailable",
                    "GitHub cannot be reached or is overloaded; try again later");
        }
        logins.refreshFailure = null;
        JsonNode second = Messages.parse(token(refresh).body());
        assertEquals(200, callEcho(second.get("access_token").asText()).statusCode(), "the outage cost no sign-in");

        logins.refreshFailure = new AuthException("GitHub refused the refresh token", "invalid_grant", 400);
        assertOAuthError(token(Map.of("grant_type", "refresh_token", "client_id", "cli", "refresh_token",
                second.get("refresh_token").asText())), 400, "invalid_grant", "Provider refresh failed");
    }

    @Test
    void concurrentRefreshesWithOneTokenAskTheProviderOnceAndGetTheSameTokens() throws Exception {
        String verifier = "racing-verifier-0123456789-0123456789-01234567";
        JsonNode first = cliTokens("bob", verifier);
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", "cli", "refresh_token",
                first.get("refresh_token").asText());
        logins.refreshTime = Duration.ofMillis(300);
        int before = logins.refreshes.get();
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return token(refresh);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Set<String> accessTokens = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> answer : racing) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            accessTokens.add(Messages.parse(response.body()).get("access_token").asText());
        }
        assertEquals(1, logins.refreshes.get() - before, "one upstream refresh for the whole race");
        assertEquals(1, accessTokens.size(), "every racer got the winner's tokens");
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        String verifier = "revoke-verifier-0123456789-0123456789-0123456";
        JsonNode issued = cliTokens("alice", verifier);
        assertEquals(200, postForm("/revoke", Map.of("client_id", "cli", "token",
                issued.get("access_token").asText())).statusCode());
        assertEquals(401, callEcho(issued.get("access_token").asText()).statusCode());
    }

    /** The tokens the pre-registered CLI client gets for the user after signing in. */
    private JsonNode cliTokens(String who, String verifier) throws Exception {
        return Messages.parse(token(Map.of("grant_type", "authorization_code", "code",
                signIn("cli", CLI_REDIRECT, who, verifier), "client_id", "cli", "redirect_uri", CLI_REDIRECT,
                "code_verifier", verifier)).body());
    }

    /**
     * Signs the user in through /authorize (and the consent page, for a client that registered itself), the
     * provider and the callback; returns the client's code.
     */
    private String signIn(String clientId, String redirectUri, String who, String verifier) throws Exception {
        String state;
        String cookie = null;
        if (clientId.equals("cli")) {
            state = upstreamState(clientId, redirectUri, challengeOf(verifier));
        } else {
            HttpResponse<String> page = get(authorizeQuery(clientId, redirectUri, challengeOf(verifier), "S256"));
            cookie = cookieOf(page);
            HttpResponse<String> allowed = consent(page, "allow", cookie);
            assertEquals(302, allowed.statusCode(), allowed.body());
            state = query(allowed).get("state");
        }
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(base + "/github/callback?code=" + who
                + "-code&state=" + state)).header("Cookie", cookie == null ? "other=1" : cookie));
        assertEquals(307, back.statusCode(), back.body());
        assertTrue(back.headers().firstValue("Location").orElseThrow().startsWith(redirectUri + "?"));
        Map<String, String> answer = query(back);
        assertEquals("client-state", answer.get("state"));
        assertEquals(base, answer.get("iss"));
        return answer.get("code");
    }

    /** The consent page's form posted back with the user's decision and the given cookie (or none). */
    private HttpResponse<String> consent(HttpResponse<String> page, String decision, String cookie) throws Exception {
        Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(request.find(), page.body());
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/authorize/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request=" + encode(request.group(1)) + "&decision="
                        + decision));
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        return send(post);
    }

    /** The {@code name=value} of the cookie an answer sets. */
    private static String cookieOf(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String upstreamState(String clientId, String redirectUri, String challenge) throws Exception {
        return upstreamStateFor(authorizeQuery(clientId, redirectUri, challenge, "S256"));
    }

    private String upstreamStateFor(String authorizeQuery) throws Exception {
        HttpResponse<String> authorize = get(authorizeQuery);
        assertEquals(302, authorize.statusCode(), authorize.body());
        assertTrue(authorize.headers().firstValue("Location").orElseThrow().startsWith(ScriptedLogins.UPSTREAM));
        return query(authorize).get("state");
    }

    private static String authorizeQuery(String clientId, String redirectUri, String challenge, String method) {
        return "/authorize?client_id=" + encode(clientId) + "&response_type=code&code_challenge=" + encode(challenge)
                + "&code_challenge_method=" + method + "&redirect_uri=" + encode(redirectUri) + "&state=client-state";
    }

    private static String challengeOf(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error, String description) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = Messages.parse(response.body());
        assertEquals(error, body.get("error").asText());
        if (description != null) {
            assertEquals(description, body.get("error_description").asText());
        }
    }

    private HttpResponse<String> callEcho(String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", McpPosts.BOTH)
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "echo").POST(HttpRequest.BodyPublishers.ofString(Messages.modern(1, "tools/call",
                        Messages.call("echo", Messages.object().put("text", "hi"))).toString()));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The answer to a POST declaring a body of that length, of which only the headers are sent: the server answers
     * from the declared length (a client still sending would see the connection closed under its writes).
     */
    private String declaredOnly(String path, int declaredLength) throws Exception {
        String contentType = path.equals("/register") ? "application/json" : "application/x-www-form-urlencoded";
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
            return head + (length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))),
                    StandardCharsets.UTF_8) : "");
        }
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        return postForm("/token", form);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The query parameters of a redirect's Location. */
    private static Map<String, String> query(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
