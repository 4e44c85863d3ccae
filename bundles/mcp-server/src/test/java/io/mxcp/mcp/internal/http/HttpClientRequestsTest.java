package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.Messages;

/**
 * A 2025-era session asked for input: the server sends {@code elicitation/create} and {@code sampling/createMessage}
 * on the call's event stream, the client POSTs its responses, and the call goes on with them.
 */
class HttpClientRequestsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RunningServer server;
    private McpPosts posts;

    @BeforeEach
    void start() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(), new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Opens a session whose client declares the given capabilities; returns its id. */
    private String session(String... capabilities) throws Exception {
        ObjectNode initialize = initialize(0, "2025-11-25");
        ObjectNode declared = initialize.with("params").putObject("capabilities");
        List.of(capabilities).forEach(declared::putObject);
        return posts.post(initialize, McpPosts.BOTH, Map.of()).headers().firstValue("mcp-session-id").orElseThrow();
    }

    private static Map<String, String> sessionHeaders(String session) {
        return Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
    }

    /**
     * Calls a tool and answers each server request that arrives on the call's stream with {@code responder}'s
     * response; returns the server requests seen followed by the call's response.
     */
    private List<JsonNode> callAnswering(String session, String tool, ObjectNode arguments,
            Function<JsonNode, ObjectNode> responder) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(posts.uri()).header("Content-Type", "application/json")
                .header("Accept", McpPosts.BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(legacy(7, "tools/call", call(tool, arguments)).toString()));
        sessionHeaders(session).forEach(request::header);
        HttpResponse<Stream<String>> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        List<JsonNode> seen = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> events = lines.iterator(); events.hasNext();) {
                String line = events.next();
                JsonNode message = line.startsWith("data: ") ? Messages.parse(line.substring(6))
                        : line.startsWith("{") ? Messages.parse(line) : null;
                if (message == null) {
                    continue;
                }
                seen.add(message);
                if (message.has("method") && message.has("id")) {
                    ObjectNode answer = responder.apply(message);
                    answer.put("jsonrpc", "2.0").set("id", message.get("id"));
                    assertEquals(202, posts.post(answer, McpPosts.BOTH, sessionHeaders(session)).statusCode());
                } else if (message.path("id").asInt() == 7) {
                    break;
                }
            }
        }
        return seen;
    }

    private static ObjectNode result(String json) {
        ObjectNode response = Messages.object();
        response.set("result", Messages.parse(json));
        return response;
    }

    private static ObjectNode answers(JsonNode request) {
        return request.get("method").asText().equals("elicitation/create")
                ? result("{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}}")
                : result("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Paris\"},\"model\":\"m\"}");
    }

    @Test
    void theServerAsksOnTheCallsStreamAndGoesOnWithTheAnswers() throws Exception {
        String session = session("elicitation", "sampling");
        List<JsonNode> seen = callAnswering(session, "ask", Messages.object().put("topic", "capitals"),
                HttpClientRequestsTest::answers);
        assertEquals(3, seen.size(), seen::toString);
        assertEquals("elicitation/create", seen.get(0).get("method").asText());
        assertEquals("Your name?", seen.get(0).at("/params/message").asText());
        assertEquals("sampling/createMessage", seen.get(1).get("method").asText());
        assertEquals(10, seen.get(1).at("/params/maxTokens").asInt());
        JsonNode result = seen.get(2).get("result");
        assertTrue(!result.path("isError").asBoolean(), result::toString);
        assertEquals("Alice asks about capitals: Paris", result.at("/content/0/text").asText());
    }

    @Test
    void aCapabilityTheClientDidNotDeclareIsAToolErrorNamingIt() throws Exception {
        String session = session("elicitation");
        List<JsonNode> seen = callAnswering(session, "ask", Messages.object().put("topic", "x"),
                HttpClientRequestsTest::answers);
        assertEquals(1, seen.size(), "nothing is asked: " + seen);
        JsonNode result = seen.get(0).get("result");
        assertTrue(result.get("isError").asBoolean());
        assertEquals("Error executing tool ask: the endpoint asked the MCP client for input, but the client did not "
                + "declare the sampling capability", result.at("/content/0/text").asText());
    }

    @Test
    void anErrorFromTheClientIsAToolErrorWithItsMessage() throws Exception {
        String session = session("elicitation", "sampling");
        List<JsonNode> seen = callAnswering(session, "ask", Messages.object().put("topic", "x"), request -> {
            ObjectNode error = Messages.object();
            error.putObject("error").put("code", -1).put("message", "User rejected sampling request");
            return request.get("method").asText().equals("sampling/createMessage") ? error : answers(request);
        });
        JsonNode result = seen.get(seen.size() - 1).get("result");
        assertTrue(result.get("isError").asBoolean());
        assertEquals("Error executing tool ask: the MCP client answered sampling/createMessage with an error: User "
                + "rejected sampling request (code -1)", result.at("/content/0/text").asText());
    }

    @Test
    void aCallAnsweredAsJsonCannotAskAndSaysWhy() throws Exception {
        String session = session("elicitation", "sampling");
        JsonNode result = McpPosts.messages(posts.post(legacy(3, "tools/call", call("ask", null)), "application/json",
                sessionHeaders(session))).get(0).get("result");
        assertTrue(result.get("isError").asBoolean());
        assertTrue(result.at("/content/0/text").asText().contains("the answer to this request is not an event stream"),
                result::toString);
    }

    @Test
    void aResponseIsTakenOnlyFromALegacySessionsClient() throws Exception {
        ObjectNode response = Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 5);
        response.putObject("result");
        assertEquals(202, posts.post(response, McpPosts.BOTH, sessionHeaders(session())).statusCode());

        HttpResponse<String> sessionless = posts.post(response, McpPosts.BOTH, Map.of("MCP-Protocol-Version",
                "2025-11-25"));
        assertEquals(400, sessionless.statusCode(), "as a request without its session");
        assertEquals("Bad Request: Mcp-Session-Id header is required",
                McpPosts.messages(sessionless).get(0).at("/error/message").asText());

        HttpResponse<String> modern = posts.post(response, McpPosts.BOTH, Map.of("MCP-Protocol-Version",
                "2026-07-28"));
        assertEquals(400, modern.statusCode());
        assertEquals(-32600, McpPosts.messages(modern).get(0).at("/error/code").asInt());
    }

    @Test
    void aStatelessServerCannotAskAClientWithoutASession() throws Exception {
        server.close();
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(), new HttpServerOptions("localhost", 0, true));
        posts = new McpPosts(server.port());
        JsonNode result = McpPosts.messages(posts.post(legacy(3, "tools/call", call("ask", null)), McpPosts.BOTH,
                Map.of("MCP-Protocol-Version", "2025-11-25"))).get(0).get("result");
        assertEquals("Error executing tool ask: the endpoint asked the MCP client for input (elicitation/create, "
                + "sampling/createMessage), but a server without sessions (stateless HTTP) cannot receive the answer "
                + "of a client older than MCP 2026-07-28", result.at("/content/0/text").asText());
    }
}
