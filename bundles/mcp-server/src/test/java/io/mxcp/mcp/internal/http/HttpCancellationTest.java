package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.legacy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.auth.AuthServices;

/** notifications/cancelled on a 2025-era session stops the call, and the call gets no answer (spec 04 §5). */
class HttpCancellationTest {
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;
    private Map<String, String> session;

    @BeforeEach
    void start() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
        session = posts.openSession("2025-11-25");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Posts the slow call (id 5) on the session and returns once it runs. */
    private CompletableFuture<HttpResponse<String>> startSlowCall(String accept) throws InterruptedException {
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return posts.post(legacy(5, "tools/call", call("slow", null)), accept, session);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS), "the call started");
        return pending;
    }

    private HttpResponse<String> cancelSlowCall(String accept) throws Exception {
        CompletableFuture<HttpResponse<String>> pending = startSlowCall(accept);
        ObjectNode cancelled = Messages.object().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancelled.putObject("params").put("requestId", 5).put("reason", "the user pressed stop");
        assertEquals(202, posts.post(cancelled, McpPosts.BOTH, session).statusCode());
        assertTrue(project.slowCancelled.await(1, TimeUnit.SECONDS), "the call was cancelled within a second");
        return pending.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallTheStopCancelsIsAnsweredWithItsErrorBeforeTheConnectionCloses() throws Exception {
        CompletableFuture<HttpResponse<String>> pending = startSlowCall("application/json");

        server.close(); // the drain (5 s) ends, the call is cancelled

        HttpResponse<String> answer = pending.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        JsonNode result = Messages.parse(answer.body()).get("result");
        assertTrue(result.get("isError").asBoolean(), answer.body());
        assertTrue(result.at("/content/0/text").asText().contains("Query interrupted"), answer.body());
        assertTrue(result.at("/content/0/text").asText().endsWith(" (the server is stopping: retry in a few seconds)"),
                answer.body());
    }

    @Test
    void aRequestDuringTheStopIsRefusedWithWhyAndWhenToRetry() throws Exception {
        CompletableFuture<HttpResponse<String>> pending = startSlowCall("application/json");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close); // drains the slow call for 5 s
        Thread.sleep(300);

        HttpResponse<String> refused = posts.post(legacy(6, "tools/call", call("echo",
                Messages.object().put("text", "too late"))), McpPosts.BOTH, session);
        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("retry-after").orElse(""));
        assertTrue(Messages.parse(refused.body()).at("/error/message").asText().startsWith("The server is stopping"),
                refused.body());
        HttpResponse<String> health = posts.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/health")).GET().build());
        assertEquals(503, health.statusCode());
        assertEquals("stopping", Messages.parse(health.body()).get("status").asText(), health.body());

        stopped.get(15, TimeUnit.SECONDS);
        assertEquals(200, pending.get(5, TimeUnit.SECONDS).statusCode(), "the call under way was still answered");
    }

    @Test
    void cancelledCallIsAnsweredWithNothing() throws Exception {
        HttpResponse<String> answer;
        try (LogLines log = LogLines.of("io.mxcp.mcp.internal.protocol.EndpointMethods")) {
            answer = cancelSlowCall("application/json");
            assertEquals(List.of(), log.lines(), "a call stopped at the client's request is no failure to log");
        }
        assertEquals(202, answer.statusCode());
        assertEquals("", answer.body());
    }

    @Test
    void aSecondCallWithTheIdOfOneInFlightIsRefusedAndTheCancelStillReachesTheFirst() throws Exception {
        CompletableFuture<HttpResponse<String>> first = startSlowCall("application/json");
        HttpResponse<String> second = posts.post(legacy(5, "tools/call", call("echo",
                Messages.object().put("text", "twin"))), "application/json", session);
        assertEquals(400, second.statusCode());
        assertEquals(-32600, Messages.parse(second.body()).at("/error/code").asInt(), second.body());

        ObjectNode cancelled = Messages.object().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
        cancelled.putObject("params").put("requestId", 5);
        posts.post(cancelled, McpPosts.BOTH, session);
        assertTrue(project.slowCancelled.await(1, TimeUnit.SECONDS), "the first call was cancelled");
        assertEquals(202, first.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void cancelledCallOnAnEventStreamGetsNoMessage() throws Exception {
        HttpResponse<String> answer = cancelSlowCall(McpPosts.BOTH);
        assertEquals("", answer.body(), "no JSON-RPC message for the cancelled call");
        HttpResponse<String> next = posts.post(legacy(6, "tools/call", call("echo",
                Messages.object().put("text", "still here"))), McpPosts.BOTH, session);
        assertEquals("still here", McpPosts.messages(next).get(0).at("/result/content/0/text").asText());
    }
}
