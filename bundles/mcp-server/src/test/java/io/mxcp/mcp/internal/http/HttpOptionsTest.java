package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.Messages;

/** The transport options: request size and concurrent-call limits, CORS, stateless mode. */
class HttpOptionsTest {
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;

    private void start(boolean stateless, long maxRequestBytes, int maxConcurrentCalls, List<String> cors)
            throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("localhost", 0, stateless, false, maxRequestBytes, maxConcurrentCalls, cors));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        project.gateOpen.countDown();
        if (server != null) {
            server.close();
        }
    }

    private static ObjectNode echo(String text) {
        return modern(1, "tools/call", call("echo", Messages.object().put("text", text)));
    }

    private static JsonNode single(HttpResponse<String> response) {
        return McpPosts.messages(response).get(0);
    }

    @Test
    void aPortAnotherServerListensOnIsFoundBeforeStartingWithTheMessageStartingGives() throws Exception {
        start(false, 1_000, 0, List.of());
        McpServerFactory factory = new McpServerFactory("9.9.9", new AuthServices());
        HttpServerOptions taken = new HttpServerOptions("localhost", server.port(), false, false, 1_000, 0, List.of());
        IOException early = assertThrows(IOException.class, () -> factory.checkPort(taken));
        IOException late = assertThrows(IOException.class, () -> factory.startHttp(project, taken));
        assertEquals("Cannot listen on localhost:" + server.port() + ": Address already in use", early.getMessage());
        assertEquals(early.getMessage(), late.getMessage());

        server.close();
        factory.checkPort(taken); // free again
        server = null;
    }

    @Test
    void bodyOverTheLimitIs413NamingTheLimitWithOrWithoutContentLength() throws Exception {
        start(false, 1_000, 0, List.of());
        assertEquals(200, posts.modern(echo("x".repeat(500)), McpPosts.BOTH).statusCode());

        HttpResponse<String> declared = posts.modern(echo("x".repeat(2_000)), McpPosts.BOTH);
        assertEquals(413, declared.statusCode());
        assertEquals("Payload Too Large: the request body exceeds the limit of 1000 bytes "
                + "(transport.http.max_request_bytes)", single(declared).at("/error/message").asText());

        byte[] body = echo("y".repeat(2_000)).toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Content-Type", "application/json").header("Accept", McpPosts.BOTH)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertEquals(413, chunked.statusCode());
        assertEquals(-32000, single(chunked).at("/error/code").asInt());
    }

    @Test
    void aClientThatSendsAllOfADeclaredBodyOverTheLimitBeforeReadingGetsThe413() throws Exception {
        start(false, 1_000_000, 0, List.of());
        byte[] body = echo("w".repeat(3_999_000)).toString().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: "
                    + McpPosts.BOTH + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 64 * 1024) {
                out.write(body, at, Math.min(64 * 1024, body.length - at)); // a reset connection fails here
                Thread.sleep(1);
            }
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(200), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        }
    }

    @Test
    void aLimitAboveUndertowsOwnTwoMebibytesIsTheOneThatHolds() throws Exception {
        start(false, 8_000_000, 0, List.of());
        HttpResponse<String> large = posts.modern(echo("z".repeat(3_000_000)), McpPosts.BOTH);
        assertEquals(200, large.statusCode(), large::body);
        assertTrue(single(large).at("/result/content/0/text").asText().contains("z".repeat(3_000_000)),
                () -> large.body().substring(0, 300));

        HttpResponse<String> over = posts.modern(echo("z".repeat(9_000_000)), McpPosts.BOTH);
        assertEquals(413, over.statusCode());
        assertEquals(-32000, single(over).at("/error/code").asInt());
    }

    @Test
    void callOverTheConcurrencyLimitIs503WithRetryAfterWhileListsStillAnswer() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 1, List.of());
        CompletableFuture<HttpResponse<String>> gate = CompletableFuture.supplyAsync(() -> {
            try {
                return posts.modern(modern(1, "tools/call", call("gate", null)), McpPosts.BOTH);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(project.gateEntered.await(5, TimeUnit.SECONDS));

        HttpResponse<String> busy = posts.modern(echo("hi"), McpPosts.BOTH);
        assertEquals(503, busy.statusCode());
        assertEquals("1", busy.headers().firstValue("retry-after").orElseThrow());
        JsonNode error = single(busy);
        assertEquals(1, error.get("id").asInt());
        assertEquals(-32000, error.at("/error/code").asInt());
        assertEquals("Server busy: 1 calls are running, the limit of transport.http.max_concurrent_calls; retry later",
                error.at("/error/message").asText());
        assertEquals(200, posts.modern(modern(2, "tools/list", null), McpPosts.BOTH).statusCode());

        project.gateOpen.countDown();
        assertEquals("passed", single(gate.get(5, TimeUnit.SECONDS)).at("/result/content/0/text").asText());
        assertEquals("hi", single(posts.modern(echo("hi"), McpPosts.BOTH)).at("/result/content/0/text").asText(),
                "the slot is free again");
    }

    @Test
    void listedOriginGetsPreflightAndCorsHeadersOthersAreRefused() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of("http://app.example"));
        HttpResponse<String> preflight = posts.send(HttpRequest.newBuilder(posts.uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, mcp-session-id, mcp-param-region").build());
        assertEquals(204, preflight.statusCode());
        assertEquals("http://app.example", preflight.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("GET, POST, DELETE, OPTIONS",
                preflight.headers().firstValue("access-control-allow-methods").orElseThrow());
        assertEquals("content-type, mcp-session-id, mcp-param-region",
                preflight.headers().firstValue("access-control-allow-headers").orElseThrow());

        HttpResponse<String> opened = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("Origin", "http://app.example"));
        assertEquals(200, opened.statusCode(), "a listed origin passes the localhost guard");
        assertEquals("http://app.example", opened.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertTrue(opened.headers().firstValue("access-control-expose-headers").orElseThrow()
                .contains("Mcp-Session-Id"));

        HttpResponse<String> other = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("Origin", "http://evil.example"));
        assertEquals(403, other.statusCode());
        assertFalse(other.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void aServerBoundToEveryInterfaceRefusesForeignOriginsButItsOwn() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("0.0.0.0", 0, false, false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0,
                        List.of("https://app.example")));
        posts = new McpPosts(server.port());
        HttpResponse<String> foreign = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("transport.http.cors_origins"), foreign.body());
        for (String origin : new String[] {"http://localhost:" + server.port(), "https://app.example"}) {
            assertEquals(200, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of("Origin", origin))
                    .statusCode(), origin);
        }
        assertEquals(200, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of()).statusCode(),
                "clients that are not browsers send no Origin");
    }

    @Test
    void allowedHostsKeepRebindingPagesAwayFromAServerBoundToEveryInterface() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("0.0.0.0", 0, false, false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0,
                        List.of(), List.of("mcp.example.com", "*.corp.example"), null, false));
        String body = initialize(0, "2025-11-25").toString();
        assertTrue(postWithHost("rebound.attacker.example", body).startsWith("HTTP/1.1 403"),
                "the attacker's name in Host, its own page as Origin");
        for (String host : new String[] {"mcp.example.com", "MCP.example.com:443", "eu.corp.example", "127.0.0.1",
                "localhost", "[::1]"}) {
            assertTrue(postWithHost(host, body).startsWith("HTTP/1.1 200"), host);
        }
        assertTrue(postWithHost("corp.example", body).startsWith("HTTP/1.1 403"), "*. names subdomains only");
        assertTrue(healthWithHost("10.1.2.3:8000").startsWith("HTTP/1.1 200"), "a probe by the pod's address");
    }

    @Test
    void withoutAllowedHostsAServerBoundToEveryInterfaceAnswersAnyHost() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("0.0.0.0", 0, false, false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0,
                        List.of()));
        assertTrue(postWithHost("mcp.anything.example", initialize(0, "2025-11-25").toString())
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void aClientOverTheRateLimitGets429WithRetryAfterAndOthersAndHealthChecksGoOn() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("localhost", 0, false, false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0,
                        List.of(), List.of(), new HttpServerOptions.RateLimit(1, 2), true));
        posts = new McpPosts(server.port());
        Map<String, String> alice = Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
        for (int i = 0; i < 2; i++) {
            assertEquals(200, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, alice).statusCode());
        }
        HttpResponse<String> limited = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, alice);
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(limited.body().contains("transport.http.rate_limit"), limited.body());
        assertEquals(200, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("X-Forwarded-For", "198.51.100.9")).statusCode(), "another client behind the proxy");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "health checks are not limited");
    }

    /** The answer to a POST whose Host header names {@code host} (the JDK's client will not forge one). */
    private String postWithHost(String host, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return withHost("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n", bytes);
    }

    private String healthWithHost(String host) throws Exception {
        return withHost("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    private String withHost(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void healthIsBehindTheSameHostCheckAsTheMcpEndpoint() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of());
        String rebound = healthWithHost("rebound.attacker.example:" + server.port());
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertTrue(rebound.endsWith("{\"status\":\"forbidden\",\"detail\":\"Forbidden: Host 'rebound.attacker.example:"
                + server.port() + "' is not allowed for a server bound to localhost\"}"), rebound);
        assertFalse(rebound.contains("9.9.9"), "a rebinding page learns nothing of the server");
        String local = healthWithHost("localhost:" + server.port());
        assertTrue(local.startsWith("HTTP/1.1 200") && local.contains("\"status\":\"ok\""), local);
    }

    @Test
    void aWebPageCannotPostWithoutAPreflight() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of());
        HttpResponse<String> plain = posts.send(HttpRequest.newBuilder(posts.uri()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(initialize(0, "2025-11-25").toString())).build());
        assertEquals(415, plain.statusCode(), "a cross-site form or text POST needs no preflight: refused");
        HttpResponse<String> untyped = posts.send(HttpRequest.newBuilder(posts.uri())
                .POST(HttpRequest.BodyPublishers.ofString(initialize(0, "2025-11-25").toString())).build());
        assertEquals(415, untyped.statusCode(), "nor does a POST without a Content-Type (a Blob without a type)");
        for (String type : List.of("application/xml", "text/json", "")) {
            HttpResponse<String> other = posts.send(HttpRequest.newBuilder(posts.uri()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(initialize(0, "2025-11-25").toString())).build());
            assertEquals(415, other.statusCode(), "Content-Type: " + type);
        }
        HttpResponse<String> json = posts.send(HttpRequest.newBuilder(posts.uri())
                .header("Content-Type", "Application/JSON; charset=utf-8").header("Accept", McpPosts.BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(initialize(0, "2025-11-25").toString())).build());
        assertEquals(200, json.statusCode(), "the media type is case-insensitive and takes parameters");
        assertEquals(403, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of("Origin", "null"))
                .statusCode(), "a sandboxed frame's origin is not trusted");
    }

    @Test
    void anyOriginOpensCorsButNotTheLocalhostGuard() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of("*"));
        HttpResponse<String> local = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("Origin", "http://localhost:5173"));
        assertEquals(200, local.statusCode());
        assertEquals("*", local.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals(403, posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH,
                Map.of("Origin", "http://evil.example")).statusCode(), "DNS-rebinding protection still holds");
    }

    @Test
    void withoutCorsOriginsNoPreflightIsAnswered() throws Exception {
        start(false, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of());
        HttpResponse<String> preflight = posts.send(HttpRequest.newBuilder(posts.uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST").build());
        assertEquals(405, preflight.statusCode());
        assertEquals("GET, POST, DELETE", preflight.headers().firstValue("allow").orElseThrow(), "RFC 9110 §15.5.6");
        assertFalse(preflight.headers().firstValue("access-control-allow-origin").isPresent());
        assertTrue(preflight.body().contains("Method not allowed: OPTIONS (a browser's CORS preflight: the user"
                + " config's transport.http.cors_origins lists the origins allowed to call this server)"),
                preflight.body());
    }

    @Test
    void statelessServerAnswersLegacyCallsWithoutSessions() throws Exception {
        start(true, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0, List.of());
        HttpResponse<String> opened = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of());
        assertEquals(200, opened.statusCode());
        assertFalse(opened.headers().firstValue("mcp-session-id").isPresent());
        JsonNode capabilities = single(opened).at("/result/capabilities");
        assertEquals("{\"tools\":{},\"resources\":{},\"prompts\":{},\"completions\":{},\"logging\":{}}",
                capabilities.toString(), "no session, so no change notifications or subscriptions to offer");
        HttpResponse<String> called = posts.post(legacy(1, "tools/call", call("echo", Messages.object()
                .put("text", "alone"))), McpPosts.BOTH, Map.of("MCP-Protocol-Version", "2025-11-25"));
        assertEquals("alone", single(called).at("/result/content/0/text").asText());
        HttpResponse<String> stream = posts.send(HttpRequest.newBuilder(posts.uri()).GET()
                .header("Accept", "text/event-stream").build());
        assertEquals(405, stream.statusCode());
        assertEquals("POST", stream.headers().firstValue("allow").orElseThrow());
    }
}
