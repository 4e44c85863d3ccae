package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.api.ServerConfigException;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.auth.ScriptedVerifiers;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.auth.TokenVerifiers;
import io.mxcp.sdk.auth.UserContext;

/** Verifier-mode authentication over streamable HTTP, with a scripted token verifier service. */
class HttpAuthTest {
    private final AuthServices services = new AuthServices();
    private final TokenVerifiers verifiers = services.verifiers();
    private final ScriptedVerifiers scripted = new ScriptedVerifiers();
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;

    private void start(Map<String, Object> transport) throws Exception {
        verifiers.add(scripted);
        project.withUserConfig(ScriptedVerifiers.verifierConfig(project.name(), transport));
        server = new McpServerFactory("9.9.9", services).startHttp(project,
                new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A 2026-07-28 call of {@code echo}, with the MCP headers its body asks for. */
    private HttpResponse<String> callEcho(String authorization) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", "tools/call", "Mcp-Name", "echo"));
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return posts.post(modern(1, "tools/call", call("echo", Messages.object().put("text", "hi"))),
                McpPosts.BOTH, headers);
    }

    private String metadataUrl() {
        return "http://localhost:" + server.port() + "/.well-known/oauth-protected-resource/mcp";
    }

    @Test
    void aRequestWithoutBearerTokenIsRefusedWithAChallengeNamingTheResourceMetadata() throws Exception {
        start(Map.of());
        for (String authorization : new String[] {null, "Basic YWxpY2U6c2VjcmV0", "Bearer ", "alice"}) {
            HttpResponse<String> response = callEcho(authorization);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            assertEquals("{\"error\":\"invalid_token\",\"error_description\":\"Authentication required\"}",
                    response.body());
            assertEquals("Bearer scope=\"mcp.read\", resource_metadata=\"" + metadataUrl() + "\"",
                    response.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
        HttpResponse<String> invalid = callEcho("Bearer not-a-token-this-server-knows");
        assertEquals(401, invalid.statusCode());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"Authentication required\", scope=\"mcp.read\", "
                + "resource_metadata=\"" + metadataUrl() + "\"", invalid.headers().firstValue("WWW-Authenticate").orElseThrow(),
                "a token that was sent and refused is invalid_token (RFC 6750 §3.1)");
        HttpResponse<String> inQuery = posts.send(HttpRequest.newBuilder(
                URI.create(posts.uri() + "?access_token=alice")).header("Content-Type", "application/json")
                .header("Accept", McpPosts.BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(modern(1, "tools/list", null).toString())).build());
        assertEquals(401, inQuery.statusCode(), "a token in the URL is never accepted");
        HttpResponse<String> stream = posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Accept", "text/event-stream").GET().build());
        assertEquals(401, stream.statusCode(), "GET stream without token");
        assertTrue(project.lastArguments.isEmpty(), "no endpoint ran");
    }

    @Test
    void anEventStreamEndsOnceItsTokenNoLongerAdmitsItsHolder() throws Exception {
        System.setProperty(StreamTokens.INTERVAL_PROPERTY, "100");
        try {
            start(Map.of());
        } finally {
            System.clearProperty(StreamTokens.INTERVAL_PROPERTY);
        }
        String session = posts.post(initialize(1, "2025-11-25"), McpPosts.BOTH, Map.of("Authorization", "Bearer alice"))
                .headers().firstValue("mcp-session-id").orElseThrow();
        CompletableFuture<Void> legacyStream = drained(posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("Authorization", "Bearer alice").GET().build(), HttpResponse.BodyHandlers.ofLines()));
        ObjectNode listen = modern("l-1", "subscriptions/listen", Messages.object().set("notifications",
                Messages.object().put("toolsListChanged", true)));
        CompletableFuture<Void> listenStream = drained(posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "subscriptions/listen")
                .header("Authorization", "Bearer bob").POST(HttpRequest.BodyPublishers.ofString(listen.toString()))
                .build(), HttpResponse.BodyHandlers.ofLines()));

        scripted.revoked.add("alice");
        legacyStream.get(10, TimeUnit.SECONDS);
        assertFalse(listenStream.isDone(), "bob's token still admits him: his stream stays open");
        scripted.revoked.add("bob");
        listenStream.get(10, TimeUnit.SECONDS);
    }

    /** Reads an open event stream to its end in the background; completes when the server closed it. */
    private static CompletableFuture<Void> drained(HttpResponse<Stream<String>> stream) {
        assertEquals(200, stream.statusCode());
        return CompletableFuture.runAsync(() -> stream.body().forEach(line -> {
        }), Executors.newVirtualThreadPerTaskExecutor());
    }

    @Test
    void invalidTokensGet401MissingScopes403AndAnUnreachableIssuer503() throws Exception {
        start(Map.of());
        assertEquals(401, callEcho("Bearer forged").statusCode());

        HttpResponse<String> noScope = callEcho("bearer carol");
        assertEquals(403, noScope.statusCode());
        assertEquals("insufficient_scope", Messages.parse(noScope.body()).get("error").asText());
        assertTrue(noScope.headers().firstValue("WWW-Authenticate").orElseThrow()
                .startsWith("Bearer error=\"insufficient_scope\", error_description=\"Required scope: mcp.read\""));

        HttpResponse<String> down = callEcho("Bearer unreachable");
        assertEquals(503, down.statusCode());
        assertEquals("5", down.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(project.lastArguments.isEmpty(), "no endpoint ran");
    }

    @Test
    void aValidTokenCallsAsItsUserWithTheCapabilitiesItsClaimsMapTo() throws Exception {
        start(Map.of());
        HttpResponse<String> response = callEcho("Bearer alice");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("hi", Messages.parse(response.body()).at("/result/content/0/text").asText());
        UserContext user = project.lastUsers.get("echo");
        assertEquals("alice", user.username());
        assertEquals("oidc", user.provider());
        assertEquals(List.of("openid", "mcp.read"), user.scopes());
        assertEquals(List.of("admin", "audit"), user.capabilities(), "groups: [admins] → admin, audit");
        assertEquals("tools/call", project.lastHeaders.get("echo").get("mcp-method"));
        assertFalse(project.lastHeaders.get("echo").containsKey("authorization"), "endpoints never see the token");

        callEcho("Bearer bob");
        assertEquals(List.of(), project.lastUsers.get("echo").capabilities(), "bob is in no mapped group");
    }

    @Test
    void aSessionBelongsToTheUserWhoOpenedItAndNoOtherTokenCanUseIt() throws Exception {
        start(Map.of());
        HttpResponse<String> opened = posts.post(initialize(1, "2025-11-25"), McpPosts.BOTH,
                Map.of("Authorization", "Bearer alice"));
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertTrue(session.matches("[0-9a-f]{32}"), "128 random bits as hex: " + session);

        ObjectNode echo = legacy(2, "tools/call", call("echo", Messages.object().put("text", "mine")));
        Map<String, String> bobOnAlices = Map.of("Authorization", "Bearer bob", "Mcp-Session-Id", session,
                "MCP-Protocol-Version", "2025-11-25");
        assertEquals(404, posts.post(echo, McpPosts.BOTH, bobOnAlices).statusCode());
        assertNull(project.lastUsers.get("echo"), "bob's request ran nothing");
        HttpResponse<String> deleteByBob = posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Authorization", "Bearer bob").header("Mcp-Session-Id", session).DELETE().build());
        assertEquals(404, deleteByBob.statusCode(), "bob cannot end alice's session");

        HttpResponse<String> alices = posts.post(echo, McpPosts.BOTH, Map.of("Authorization", "Bearer alice",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertEquals(200, alices.statusCode(), alices.body());
        assertEquals("alice", project.lastUsers.get("echo").username());
        assertEquals(session, project.lastAuditCallers.get("echo").sessionId());
    }

    @Test
    void aRequestStateIsGoodForTheUserItWasIssuedToOnly() throws Exception {
        start(Map.of());
        ObjectNode steps = modern(1, "tools/call", call("ask_steps", null));
        steps.with("params").with("_meta").putObject("io.modelcontextprotocol/clientCapabilities")
                .putObject("elicitation");
        Map<String, String> alice = Map.of("Authorization", "Bearer alice", "MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", "tools/call", "Mcp-Name", "ask_steps");
        JsonNode asked = Messages.parse(posts.post(steps, McpPosts.BOTH, alice).body()).get("result");
        assertEquals("input_required", asked.get("resultType").asText());

        ObjectNode retry = steps.deepCopy();
        retry.with("params").put("requestState", asked.get("requestState").asText());
        Map<String, String> bob = new HashMap<>(alice);
        bob.put("Authorization", "Bearer bob");
        JsonNode stolen = Messages.parse(posts.post(retry, McpPosts.BOTH, bob).body());
        assertEquals(-32602, stolen.at("/error/code").asInt());
        assertTrue(stolen.at("/error/message").asText().contains("issued for another request (user,"),
                stolen.toString());
        JsonNode own = Messages.parse(posts.post(retry, McpPosts.BOTH, alice).body());
        assertTrue(own.has("result"), "alice's own state is accepted: " + own);
    }

    @Test
    void theProtectedResourceMetadataNamesTheResourceTheIssuerAndTheScopes() throws Exception {
        start(Map.of());
        for (String path : new String[] {"/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-protected-resource"}) {
            HttpResponse<String> response = posts.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + path)).GET().build());
            assertEquals(200, response.statusCode(), path);
            JsonNode metadata = Messages.parse(response.body());
            assertEquals("http://localhost:" + server.port() + "/mcp", metadata.get("resource").asText());
            assertEquals(ScriptedVerifiers.ISSUER, metadata.at("/authorization_servers/0").asText());
            assertEquals("mcp.read", metadata.at("/scopes_supported/0").asText());
            assertEquals("header", metadata.at("/bearer_methods_supported/0").asText());
            assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
        // a rebound name (DNS rebinding) is refused as /mcp refuses it, never named as the resource
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.getOutputStream().write(("GET /.well-known/oauth-protected-resource/mcp HTTP/1.1\r\n"
                    + "Host: evil.example\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertFalse(answer.contains("evil.example/mcp"), answer);
        }
    }

    @Test
    void metadataWhoseIssuerCannotBeNamedIsAnswered503AndLogged() throws Exception {
        start(Map.of());
        scripted.issuerDown = true;
        try (LogLines log = LogLines.of(ResourceMetadataHandler.class.getName())) {
            HttpResponse<String> response = posts.send(HttpRequest.newBuilder(URI.create(metadataUrl())).GET().build());
            assertEquals(503, response.statusCode());
            assertEquals("temporarily_unavailable", Messages.parse(response.body()).get("error").asText());
            assertEquals(List.of("WARNING Protected resource metadata not served: The identity provider could not be "
                    + "reached at " + ScriptedVerifiers.ISSUER), log.lines());
        }
    }

    @Test
    void aConfiguredBaseUrlNamesTheResourceBehindAProxy() throws Exception {
        start(Map.of("http", Map.of("base_url", "https://mcp.example.com/")));
        HttpResponse<String> response = posts.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/.well-known/oauth-protected-resource")).build());
        assertEquals("https://mcp.example.com/mcp", Messages.parse(response.body()).get("resource").asText());
        assertTrue(callEcho(null).headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\""));
    }

    @Test
    void aReplacedVerifierServiceIsUsedForTheNextRequestAndARemovedOneFailsClosed() throws Exception {
        start(Map.of());
        assertEquals(200, callEcho("Bearer alice").statusCode());
        verifiers.remove(scripted);
        assertEquals(1, scripted.closed.get(), "the leaving service's verifier is let go at once");
        assertEquals(503, callEcho("Bearer alice").statusCode(), "no verifier: refused, never let through");

        ScriptedVerifiers successor = new ScriptedVerifiers();
        verifiers.add(successor);
        assertEquals(200, callEcho("Bearer alice").statusCode());
        assertEquals(1, successor.opened.get());
        assertNotNull(successor.lastSettings.get("claim_mappings"), "the provider gets its whole block");
    }

    @Test
    void aServerWhoseProviderIsMissingOrMisconfiguredDoesNotStart() {
        project.withUserConfig(ScriptedVerifiers.verifierConfig(project.name(), Map.of()));
        ServerConfigException missing = assertThrows(ServerConfigException.class, () -> new McpServerFactory("9.9.9",
                services).startHttp(project, new HttpServerOptions("localhost", 0, false)));
        assertEquals("No auth provider named oidc is installed (auth.provider)", missing.getMessage());

        verifiers.add(scripted);
        ServerConfigException anyOrigin = assertThrows(ServerConfigException.class, () -> new McpServerFactory(
                "9.9.9", services).startHttp(project, new HttpServerOptions("localhost", 0, false, false,
                        HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of("*"))));
        assertTrue(anyOrigin.getMessage().startsWith("transport.http.cors_origins '*' cannot be combined with "
                + "authentication"), anyOrigin.getMessage());
        ServerConfigException stdio = assertThrows(ServerConfigException.class, () -> new McpServerFactory("9.9.9",
                services).startStdio(project, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()));
        assertTrue(stdio.getMessage().contains("stdio carries no bearer token"), stdio.getMessage());
    }
}
