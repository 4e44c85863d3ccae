package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.Messages;

/** 2026-07-28 {@code input_required} rounds (spec 04b §5) for a tool that asks for elicitation and sampling. */
class HttpInputRequiredTest {
    private RunningServer server;
    private McpPosts posts;

    @BeforeEach
    void start() throws Exception {
        server = new McpServerFactory("9.9.9").startHttp(new FakeProject(), new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A modern call of {@code ask} declaring the given client capabilities. */
    private static ObjectNode ask(String topic, String... capabilities) {
        ObjectNode message = modern(1, "tools/call", call("ask", Messages.object().put("topic", topic)));
        ObjectNode declared = message.with("params").with("_meta").putObject("io.modelcontextprotocol/clientCapabilities");
        List.of(capabilities).forEach(declared::putObject);
        return message;
    }

    private static ObjectNode retry(ObjectNode call, String requestState) {
        ObjectNode retried = call.deepCopy();
        retried.with("params").putObject("inputResponses").putObject("user_name").put("action", "accept")
                .putObject("content").put("name", "Alice");
        retried.with("params").put("requestState", requestState);
        return retried;
    }

    private JsonNode answer(ObjectNode message) throws Exception {
        return McpPosts.messages(posts.modern(message, McpPosts.BOTH)).get(0);
    }

    @Test
    void onlyDeclaredCapabilitiesAreAskedWithASignedState() throws Exception {
        JsonNode result = answer(ask("capitals", "elicitation")).get("result");
        assertEquals("input_required", result.get("resultType").asText());
        assertEquals(List.of("user_name"), List.copyOf(Messages.JSON.convertValue(result.get("inputRequests"),
                Map.class).keySet()), "sampling was not declared");
        assertEquals("elicitation/create", result.at("/inputRequests/user_name/method").asText());
        assertTrue(result.get("requestState").isTextual());
        assertEquals("fake-project", result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText());

        assertEquals(Messages.parse("[\"user_name\",\"capital\"]"), Messages.JSON.valueToTree(List.copyOf(
                Messages.JSON.convertValue(answer(ask("capitals", "elicitation", "sampling"))
                        .at("/result/inputRequests"), Map.class).keySet())));
    }

    @Test
    void undeclaredCapabilitiesAreRefusedWith32021AndHttp400() throws Exception {
        HttpResponse<String> response = posts.modern(ask("capitals"), McpPosts.BOTH);
        assertEquals(400, response.statusCode());
        JsonNode error = McpPosts.messages(response).get(0).get("error");
        assertEquals(-32021, error.get("code").asInt());
        assertEquals(Messages.parse("{\"elicitation\":{},\"sampling\":{}}"), error.at("/data/requiredCapabilities"));
    }

    @Test
    void echoedStateIsAcceptedOnceAndOnlyUntampered() throws Exception {
        ObjectNode first = ask("capitals", "elicitation");
        String state = answer(first).at("/result/requestState").asText();

        JsonNode tampered = answer(retry(first, state + "-TAMPERED"));
        assertEquals(-32602, tampered.at("/error/code").asInt());

        JsonNode otherArguments = answer(retry(ask("rivers", "elicitation"), state));
        assertEquals("Invalid params: requestState is not accepted: it was issued for another request "
                + "(user, method, name or arguments differ)", otherArguments.at("/error/message").asText());

        JsonNode accepted = answer(retry(first, state));
        assertEquals("input_required", accepted.at("/result/resultType").asText(),
                "the state verifies; this tool asks again");
        JsonNode replayed = answer(retry(first, state));
        assertEquals("Invalid params: requestState is not accepted: it has been used already",
                replayed.at("/error/message").asText());
    }

    @Test
    void legacyRequestGetsAnErrorResultNamingWhatTheToolNeeds() throws Exception {
        HttpResponse<String> opened = posts.post(initialize(0, "2025-11-25"), McpPosts.BOTH, Map.of());
        JsonNode result = McpPosts.messages(posts.post(legacy(1, "tools/call", call("ask", null)), McpPosts.BOTH,
                Map.of("Mcp-Session-Id", opened.headers().firstValue("mcp-session-id").orElseThrow(),
                        "MCP-Protocol-Version", "2025-11-25"))).get(0).get("result");
        assertTrue(result.get("isError").asBoolean());
        assertEquals("Error executing tool ask: the endpoint needs input from the client (elicitation/create, "
                + "sampling/createMessage), which only MCP 2026-07-28 requests can provide",
                result.at("/content/0/text").asText());
    }
}
