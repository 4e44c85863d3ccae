package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.auth.AuthServices;

/** JSON-RPC batches on a 2025-03-26 session (spec 04b §1): one array in, one array of answers out. */
class HttpBatchTest {
    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;
    private Map<String, String> session;

    @BeforeEach
    void start() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project,
                new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
        session = posts.openSession("2025-03-26");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ArrayNode batch(JsonNode... members) {
        ArrayNode batch = Messages.JSON.createArrayNode();
        for (JsonNode member : members) {
            batch.add(member);
        }
        return batch;
    }

    private static ObjectNode echo(int id, String text) {
        return legacy(id, "tools/call", call("echo", Messages.object().put("text", text)));
    }

    private static ObjectNode notification(String method) {
        return Messages.object().put("jsonrpc", "2.0").put("method", method);
    }

    /** The answers of a batch by request id. */
    private static Map<String, JsonNode> byId(HttpResponse<String> response) {
        JsonNode answers = McpPosts.messages(response).get(0);
        assertTrue(answers.isArray(), response.body());
        Map<String, JsonNode> byId = new HashMap<>();
        answers.forEach(answer -> byId.put(answer.get("id").asText(), answer));
        assertEquals(answers.size(), byId.size(), "one answer per request: " + response.body());
        return byId;
    }

    @Test
    void requestsOfABatchAreAnsweredTogetherAndItsNotificationsNot() throws Exception {
        HttpResponse<String> response = posts.post(batch(echo(1, "one"), notification("notifications/initialized"),
                legacy(2, "tools/list", null), echo(3, "three")), "application/json", session);
        assertEquals(200, response.statusCode());
        Map<String, JsonNode> answers = byId(response);
        assertEquals(List.of("1", "2", "3"), answers.keySet().stream().sorted().toList());
        assertEquals("one", answers.get("1").at("/result/content/0/text").asText());
        assertEquals("three", answers.get("3").at("/result/content/0/text").asText());
        assertTrue(answers.get("2").at("/result/tools").isArray());
    }

    @Test
    void aBadMemberGetsItsOwnErrorAndTheOthersTheirAnswers() throws Exception {
        ObjectNode noMethod = Messages.object().put("jsonrpc", "2.0").put("id", 7);
        Map<String, JsonNode> answers = byId(posts.post(batch(echo(1, "fine"), noMethod,
                initialize(8, "2025-03-26"), modern(9, "tools/list", null), legacy(10, "no/such", null)),
                McpPosts.BOTH, session));
        assertEquals("fine", answers.get("1").at("/result/content/0/text").asText());
        assertEquals(-32600, answers.get("7").at("/error/code").asInt());
        assertEquals("Invalid Request: initialize must not be part of a JSON-RPC batch",
                answers.get("8").at("/error/message").asText());
        assertTrue(answers.get("9").at("/error/message").asText().contains("cannot be part of a JSON-RPC batch"),
                answers.get("9").toString());
        assertEquals(-32601, answers.get("10").at("/error/code").asInt());
    }

    @Test
    void aBatchWithoutRequestsIs202AndAnEmptyOneAnError() throws Exception {
        assertEquals(202, posts.post(batch(notification("notifications/initialized")), McpPosts.BOTH, session)
                .statusCode());
        HttpResponse<String> empty = posts.post(Messages.JSON.createArrayNode(), McpPosts.BOTH, session);
        assertEquals(400, empty.statusCode());
        assertEquals(-32600, Messages.parse(empty.body()).at("/error/code").asInt());
    }

    @Test
    void laterRevisionsTakeOneMessagePerPost() throws Exception {
        Map<String, String> newer = new HashMap<>(session);
        newer.put("MCP-Protocol-Version", "2025-06-18");
        HttpResponse<String> refused = posts.post(batch(echo(1, "x")), McpPosts.BOTH, newer);
        assertEquals(400, refused.statusCode());
        assertEquals("Invalid Request: JSON-RPC batches belong to protocol revision 2025-03-26; this POST's "
                + "MCP-Protocol-Version names 2025-06-18, which takes one message per POST",
                Messages.parse(refused.body()).at("/error/message").asText());

        Map<String, String> later = posts.openSession("2025-11-25");
        HttpResponse<String> withoutHeader = posts.post(batch(echo(2, "y")), McpPosts.BOTH,
                Map.of("Mcp-Session-Id", later.get("Mcp-Session-Id")));
        assertEquals(400, withoutHeader.statusCode());
        assertTrue(Messages.parse(withoutHeader.body()).at("/error/message").asText()
                .contains("this session agreed on 2025-11-25"), withoutHeader.body());
        assertTrue(project.lastArguments.isEmpty(), "nothing of the refused batches ran");
    }

    @Test
    void aBatchNeedsItsSession() throws Exception {
        assertEquals(400, posts.post(batch(echo(1, "x")), McpPosts.BOTH, Map.of()).statusCode());
        assertEquals(404, posts.post(batch(echo(1, "x")), McpPosts.BOTH, Map.of("Mcp-Session-Id", "bogus"))
                .statusCode());
    }

    @Test
    void aBatchedInitializeWithoutASessionIsToldWhyNotAskedForASession() throws Exception {
        Map<String, JsonNode> answers = byId(posts.post(batch(initialize(1, "2025-03-26")), McpPosts.BOTH, Map.of()));
        assertEquals("Invalid Request: initialize must not be part of a JSON-RPC batch",
                answers.get("1").at("/error/message").asText());
    }

    @Test
    void progressOfABatchedCallGoesOnThePostsStreamBeforeTheAnswers() throws Exception {
        ObjectNode report = legacy(4, "tools/call", call("report", null));
        ((ObjectNode) report.get("params")).putObject("_meta").put("progressToken", "p");
        List<JsonNode> messages = McpPosts.messages(posts.post(batch(report, echo(5, "after")), McpPosts.BOTH,
                session));
        JsonNode answers = messages.get(messages.size() - 1);
        assertTrue(answers.isArray(), messages.toString());
        assertEquals(2, answers.size());
        assertTrue(messages.subList(0, messages.size() - 1).stream()
                .anyMatch(m -> m.path("method").asText().equals("notifications/progress")), messages.toString());
    }

    @Test
    void aCancelledMemberIsLeftOutOfTheAnswers() throws Exception {
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return posts.post(batch(legacy(5, "tools/call", call("slow", null)), echo(6, "kept")),
                        McpPosts.BOTH, session);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(project.slowStarted.await(5, TimeUnit.SECONDS), "the call started");
        ObjectNode cancelled = notification("notifications/cancelled");
        cancelled.putObject("params").put("requestId", 5);
        assertEquals(202, posts.post(cancelled, McpPosts.BOTH, session).statusCode());
        assertTrue(project.slowCancelled.await(1, TimeUnit.SECONDS), "the call was cancelled within a second");
        Map<String, JsonNode> answers = byId(pending.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("6"), List.copyOf(answers.keySet()));
    }
}
