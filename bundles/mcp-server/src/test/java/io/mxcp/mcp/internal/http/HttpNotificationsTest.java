package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

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

/** Progress and log messages of an endpoint on the request's own event stream (spec 04 §5, 04b §3, §6). */
class HttpNotificationsTest {
    private RunningServer server;
    private McpPosts posts;

    private void start(HttpServerOptions options) throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(), options);
        posts = new McpPosts(server.port());
    }

    private void start() throws Exception {
        start(new HttpServerOptions("localhost", 0, false));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A modern tools/call of {@code report} with the given {@code _meta} additions. */
    private static ObjectNode report(Map<String, ?> meta) {
        ObjectNode message = modern(7, "tools/call", call("report", null));
        ObjectNode envelope = (ObjectNode) message.at("/params/_meta");
        meta.forEach((key, value) -> envelope.set(key, Messages.JSON.valueToTree(value)));
        return message;
    }

    private static String summary(JsonNode message) {
        JsonNode params = message.path("params");
        return switch (message.path("method").asText("result")) {
            case "notifications/progress" -> "progress " + params.get("progressToken").asText() + " "
                    + params.get("progress").asInt() + "/" + params.get("total").asInt();
            case "notifications/message" -> "log " + params.get("level").asText() + " " + params.get("data");
            default -> "answer " + message.get("id") + " " + message.at("/result/content/0/text").asText();
        };
    }

    private static List<String> summaries(HttpResponse<String> response) {
        return McpPosts.messages(response).stream().map(HttpNotificationsTest::summary).toList();
    }

    @Test
    void modernRequestGetsIncreasingProgressAndLogsAtItsLevelBeforeTheAnswer() throws Exception {
        start();
        HttpResponse<String> response = posts.modern(report(Map.of("progressToken", "t-1",
                "io.modelcontextprotocol/logLevel", "info")), McpPosts.BOTH);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("progress t-1 1/3", "progress t-1 2/3", "log info {\"step\":2}", "progress t-1 3/3",
                "log error \"a failure\"", "answer 7 reported"), summaries(response));
    }

    @Test
    void modernRequestWithoutTokenOrLevelIsAnsweredAsJsonWithoutNotifications() throws Exception {
        start();
        HttpResponse<String> response = posts.modern(report(Map.of()), McpPosts.BOTH);
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("answer 7 reported"), summaries(response));
    }

    @Test
    void progressOnlyWhenOnlyTheTokenIsGiven() throws Exception {
        start();
        HttpResponse<String> response = posts.modern(report(Map.of("progressToken", "p")), McpPosts.BOTH);
        assertEquals(List.of("progress p 1/3", "progress p 2/3", "progress p 3/3", "answer 7 reported"),
                summaries(response));
    }

    @Test
    void clientAcceptingOnlyJsonGetsTheAnswerAlone() throws Exception {
        start();
        HttpResponse<String> response = posts.modern(report(Map.of("progressToken", "t-1",
                "io.modelcontextprotocol/logLevel", "debug")), "application/json");
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("answer 7 reported"), summaries(response));
    }

    @Test
    void jsonResponseModeAnswersAsJsonEvenWhenTheClientAcceptsAStream() throws Exception {
        start(new HttpServerOptions("localhost", 0, false, true, HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES, 0,
                List.of()));
        HttpResponse<String> response = posts.modern(report(Map.of("progressToken", "t-1")), "text/event-stream");
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("answer 7 reported"), summaries(response));
    }

    @Test
    void invalidModernLogLevelOrProgressTokenIsInvalidParamsLikeTheEnvelopesOtherMembers() throws Exception {
        start();
        HttpResponse<String> refused = posts.modern(report(Map.of("io.modelcontextprotocol/logLevel", "loud")),
                McpPosts.BOTH);
        assertEquals(400, refused.statusCode());
        JsonNode answer = McpPosts.messages(refused).get(0);
        assertEquals(-32602, answer.at("/error/code").asInt());
        assertEquals("Invalid params: '_meta.io.modelcontextprotocol/logLevel' must be one of debug, info, notice, "
                + "warning, error, critical, alert, emergency, got \"loud\"", answer.at("/error/message").asText());
        HttpResponse<String> badToken = posts.modern(report(Map.of("progressToken", true)), McpPosts.BOTH);
        assertEquals(400, badToken.statusCode());
        assertEquals("Invalid params: '_meta.progressToken' must be a string or a number, got true",
                McpPosts.messages(badToken).get(0).at("/error/message").asText());
    }

    @Test
    void legacySessionLogsFromItsSetLevelAndProgressWithTheToken() throws Exception {
        start();
        HttpResponse<String> opened = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of());
        Map<String, String> session = Map.of("Mcp-Session-Id",
                opened.headers().firstValue("mcp-session-id").orElseThrow(), "MCP-Protocol-Version", "2025-11-25");
        ObjectNode call = legacy(2, "tools/call", call("report", null));
        assertEquals(List.of("log debug \"a detail\"", "log info {\"step\":2}", "log error \"a failure\"",
                "answer 2 reported"), summaries(posts.post(call, McpPosts.BOTH, session)),
                "every level until the client sets one; no progress without a token");

        JsonNode set = McpPosts.messages(posts.post(legacy(3, "logging/setLevel", Messages.object().put("level",
                "error")), McpPosts.BOTH, session)).get(0);
        assertEquals(Messages.parse("{}"), set.get("result"));
        ((ObjectNode) call.get("params")).putObject("_meta").put("progressToken", 42);
        assertEquals(List.of("progress 42 1/3", "progress 42 2/3", "progress 42 3/3", "log error \"a failure\"",
                "answer 2 reported"), summaries(posts.post(call, McpPosts.BOTH, session)));

        JsonNode refused = McpPosts.messages(posts.post(legacy(4, "logging/setLevel", Messages.object().put("level",
                "verbose")), McpPosts.BOTH, session)).get(0);
        assertEquals(-32602, refused.at("/error/code").asInt());
    }
}
