package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static io.mxcp.mcp.internal.Messages.modernWithVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.Messages;
import io.mxcp.mcp.internal.auth.AuthServices;

class HttpTransportTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private URI mcp;

    @BeforeEach
    void start() throws IOException {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project, new HttpServerOptions("localhost", 0, false));
        mcp = URI.create("http://localhost:" + server.port() + "/mcp");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A POST with the headers the v2 client derives from a modern body. */
    private HttpResponse<String> postModern(ObjectNode message) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version",
                message.at("/params/_meta/io.modelcontextprotocol~1protocolVersion").asText());
        headers.put("Mcp-Method", message.get("method").asText());
        JsonNode name = message.at("/params/name");
        if (name.isTextual()) {
            headers.put("Mcp-Name", name.asText());
        }
        return post(message, headers);
    }

    private HttpResponse<String> post(JsonNode message, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        headers.forEach(request::setHeader);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) {
        return Messages.parse(response.body());
    }

    @Test
    void discoverAnswersAsJsonWithServerInfo() throws Exception {
        HttpResponse<String> response = postModern(modern("p-1", "server/discover", null));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode answer = body(response);
        assertEquals("p-1", answer.get("id").asText());
        assertEquals("complete", answer.at("/result/resultType").asText());
        assertEquals("fake-project", answer.at("/result/_meta/io.modelcontextprotocol~1serverInfo/name").asText());
        assertTrue(answer.at("/result/capabilities/prompts").isObject());
    }

    @Test
    void toolsListCarriesSchemasOfServedToolsOnly() throws Exception {
        JsonNode result = body(postModern(modern(1, "tools/list", null))).get("result");
        assertEquals(0, result.get("ttlMs").asInt());
        assertEquals("public", result.get("cacheScope").asText());
        Map<String, JsonNode> tools = new LinkedHashMap<>();
        result.get("tools").forEach(tool -> tools.put(tool.get("name").asText(), tool));
        assertEquals(java.util.List.of("echo", "add", "user", "fail", "slow", "report", "gate", "ask", "ask_steps"), java.util.List.copyOf(tools.keySet()),
                "disabled and unloaded tools are not served");
        JsonNode add = tools.get("add");
        assertEquals(Messages.parse("""
                {"type":"object","properties":{
                  "a":{"type":"integer","description":"First","examples":[3],"minimum":0.0},
                  "b":{"type":"integer","description":"Second","default":1,"maximum":100.0}},
                 "required":["a"],"additionalProperties":false}"""), add.get("inputSchema"));
        assertEquals(Messages.parse("""
                {"type":"object","properties":{"result":{"type":["number","null"]}},"required":["result"]}"""),
                add.get("outputSchema"));
        assertEquals(Messages.parse("{\"title\":\"Echo\",\"readOnlyHint\":true}"), tools.get("echo").get("annotations"));
        assertFalse(add.has("annotations"));
        assertEquals("object", tools.get("user").at("/outputSchema/type").asText());
        assertEquals(false, tools.get("user").at("/outputSchema/additionalProperties").asBoolean(true));
    }

    @Test
    void toolCallReturnsStructuredContentAndPassesLowerCasedHeaders() throws Exception {
        JsonNode result = body(postModern(modern(2, "tools/call", call("user", Messages.object().put("id", 7)))))
                .get("result");
        assertEquals("complete", result.get("resultType").asText());
        assertFalse(result.get("isError").asBoolean());
        assertEquals(Messages.parse("{\"id\":7.0,\"name\":\"Ada\"}"), result.get("structuredContent"));
        assertEquals(result.get("structuredContent"), Messages.parse(result.at("/content/0/text").asText()));
        assertEquals("tools/call", project.lastHeaders.get("user").get("mcp-method"));
        assertEquals(new AuditCaller("http", null), project.lastAuditCallers.get("user"), "a modern call has no session");
        assertEquals(7.0, project.lastArguments.get("user").get("id"), "a number argument reaches the core as pydantic's float");
    }

    @Test
    void invalidArgumentIsAnErrorResultNamingToolAndParameter() throws Exception {
        JsonNode result = body(postModern(modern(3, "tools/call", call("add", Messages.object().put("a", -1)))))
                .get("result");
        assertTrue(result.get("isError").asBoolean());
        assertEquals("Error executing tool add: 1 validation error for addArguments\na\n"
                + "  Input should be greater than or equal to 0", result.at("/content/0/text").asText());
        assertFalse(project.lastArguments.containsKey("add"), "the core never saw the call");
        List<String> logged;
        try (LogLines log = LogLines.of("io.mxcp.mcp.internal.protocol.EndpointMethods")) {
            JsonNode failed = body(postModern(modern(4, "tools/call", call("fail", null)))).get("result");
            assertEquals("Error executing tool fail: Division by zero", failed.at("/content/0/text").asText());
            logged = log.lines();
        }
        assertEquals(List.of("WARNING tools/call fail failed: Division by zero"), logged,
                "the operator sees what failed while running; the client's bad arguments are not logged");
    }

    @Test
    void wrongArgumentTypeIsAnErrorResultOnBothEras() throws Exception {
        ObjectNode arguments = Messages.object();
        arguments.putObject("text").put("a", 1);
        JsonNode modernResult = body(postModern(modern(3, "tools/call", call("echo", arguments)))).get("result");
        assertTrue(modernResult.get("isError").asBoolean());
        assertEquals("Error executing tool echo: 1 validation error for echoArguments\ntext\n"
                + "  Input should be a valid string", modernResult.at("/content/0/text").asText());

        String session = post(initialize(1, "2025-11-25"), Map.of()).headers().firstValue("mcp-session-id")
                .orElseThrow();
        JsonNode legacyResult = body(post(legacy(2, "tools/call", call("echo", arguments)),
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"))).get("result");
        assertTrue(legacyResult.get("isError").asBoolean());
        assertEquals(modernResult.at("/content/0/text"), legacyResult.at("/content/0/text"));
        assertFalse(project.lastArguments.containsKey("echo"));

        JsonNode lenient = body(postModern(modern(4, "tools/call", call("echo", Messages.object().put("text", 5)))))
                .get("result");
        assertEquals("5", lenient.at("/content/0/text").asText(), "a number for a string parameter is its text");
    }

    @Test
    void unknownToolIsInvalidParamsNamingTheTool() throws Exception {
        HttpResponse<String> response = postModern(modern(5, "tools/call", call("missing_tool", null)));
        JsonNode answer = body(response);
        assertEquals(-32602, answer.at("/error/code").asInt());
        assertEquals("Unknown tool: missing_tool", answer.at("/error/message").asText());
        assertEquals(5, answer.get("id").asInt());
    }

    @Test
    void headerMismatchIs400WithMinus32020() throws Exception {
        HttpResponse<String> response = post(modern(6, "tools/call", call("echo", null)),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "other"));
        assertEquals(400, response.statusCode());
        JsonNode answer = body(response);
        assertEquals(-32020, answer.at("/error/code").asInt());
        assertEquals(6, answer.get("id").asInt());
        assertTrue(answer.at("/error/message").asText().contains("Mcp-Name"));
    }

    @Test
    void unsupportedVersionIs400WithMinus32022() throws Exception {
        HttpResponse<String> response = postModern(modernWithVersion(7, "server/discover", null, "v999.0.0"));
        assertEquals(400, response.statusCode());
        JsonNode error = body(response).get("error");
        assertEquals(-32022, error.get("code").asInt());
        assertEquals("v999.0.0", error.at("/data/requested").asText());
        assertEquals("2026-07-28", error.at("/data/supported/0").asText());
    }

    @Test
    void removedAndUnknownModernMethodsAre404() throws Exception {
        for (String method : new String[] {"initialize", "ping", "no/such"}) {
            HttpResponse<String> response = postModern(modern(8, method, null));
            assertEquals(404, response.statusCode(), method);
            assertEquals(-32601, body(response).at("/error/code").asInt(), method);
        }
        ObjectNode initialized = modern(9, "notifications/initialized", null);
        initialized.remove("id");
        HttpResponse<String> notified = postModern(initialized);
        assertEquals(404, notified.statusCode(), "a modern notification of the handshake that 2026-07-28 removed");
        assertEquals(-32601, body(notified).at("/error/code").asInt());
        assertTrue(body(notified).get("id").isNull());
    }

    @Test
    void aRefusedAcceptKeepsTheRequestId() throws Exception {
        HttpResponse<String> response = post(modern("a-7", "tools/list", null), Map.of("Accept", "text/html",
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertEquals(406, response.statusCode());
        assertEquals("a-7", body(response).get("id").asText());
    }

    @Test
    void legacySessionLifecycle() throws Exception {
        HttpResponse<String> init = post(initialize(1, "2025-11-25"), Map.of());
        assertEquals(200, init.statusCode());
        assertEquals("2025-11-25", body(init).at("/result/protocolVersion").asText());
        String session = init.headers().firstValue("mcp-session-id").orElseThrow();

        Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        var initialized = Messages.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized");
        assertEquals(202, post(initialized, headers).statusCode());
        JsonNode unknown = body(post(legacy(2, "tools/call", call("nope", null)), headers));
        assertEquals("Unknown tool: nope", unknown.at("/result/content/0/text").asText());
        assertTrue(unknown.at("/result/isError").asBoolean());
        body(post(legacy(3, "tools/call", call("echo", Messages.object().put("text", "hi"))), headers));
        assertEquals(new AuditCaller("http", session), project.lastAuditCallers.get("echo"),
                "the audit log names the session of a legacy call");

        assertEquals(400, post(legacy(3, "tools/list", null), Map.of()).statusCode(), "session id required");
        assertEquals(404, post(legacy(3, "tools/list", null), Map.of("Mcp-Session-Id", "bogus")).statusCode());

        HttpResponse<String> deleted = CLIENT.send(HttpRequest.newBuilder(mcp).header("Mcp-Session-Id", session)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode());
        assertEquals(404, post(legacy(4, "tools/list", null), headers).statusCode(), "ended session is gone");
    }

    @Test
    void legacyStreamOpensAsEventStream() throws Exception {
        String session = post(initialize(1, "2025-11-25"), Map.of()).headers().firstValue("mcp-session-id")
                .orElseThrow();
        HttpResponse<java.io.InputStream> stream = CLIENT.send(HttpRequest.newBuilder(mcp)
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        stream.body().close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/event-stream", "application/json;q=0, text/event-stream;q=0.5"})
    void eventStreamOnlyClientGetsOneSseEvent(String accept) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(mcp)
                .header("Accept", accept).header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/list").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(modern(9, "tools/list", null).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("no", response.headers().firstValue("x-accel-buffering").orElseThrow());
        assertTrue(response.body().startsWith("event: message\ndata: {"), response.body());
        assertEquals(9, Messages.parse(response.body().substring("event: message\ndata: ".length())).get("id").asInt());
    }

    @Test
    void aStreamTheClientRefusesWithQualityZeroIsNotAcceptable() throws Exception {
        String session = post(initialize(1, "2025-11-25"), Map.of()).headers().firstValue("mcp-session-id")
                .orElseThrow();
        HttpResponse<String> stream = CLIENT.send(HttpRequest.newBuilder(mcp)
                .header("Accept", "text/event-stream;q=0, */*").header("Mcp-Session-Id", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(406, stream.statusCode());
    }

    @Test
    void anOriginSentTwiceIsForbiddenWhicheverComesFirst() throws Exception {
        try (Socket socket = new Socket("localhost", mcp.getPort())) {
            String body = modern(1, "server/discover", null).toString();
            socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:"
                    + mcp.getPort() + "\r\nOrigin: http://evil.example.com\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nMCP-Protocol-Version: 2026-07-28\r\nMcp-Method: server/discover\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readNBytes(20), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
    }

    @Test
    void foreignOriginIsForbidden() throws Exception {
        HttpResponse<String> response = post(modern(1, "server/discover", null), Map.of("Origin", "http://evil.example.com",
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "server/discover"));
        assertEquals(403, response.statusCode());
        assertTrue(body(response).at("/error/message").asText().contains("evil.example.com"));
    }

    private HttpResponse<String> postText(String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(mcp).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedBodyIsParseError() throws Exception {
        HttpResponse<String> response = postText("{oops");
        assertEquals(400, response.statusCode());
        assertEquals(-32700, body(response).at("/error/code").asInt());

        HttpResponse<String> cut = postText("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"");
        assertEquals("Parse error: Unexpected end-of-input: expected close marker for Object (start marker at line 1, "
                + "column 1), at line 1, column 46", body(cut).at("/error/message").asText(),
                "where, without the parser's settings");

        HttpResponse<String> nested = postText("[".repeat(1_500) + "]".repeat(1_500));
        assertEquals(-32700, body(nested).at("/error/code").asInt());
        assertEquals("Parse error: the message is nested, long or large beyond what the server reads",
                body(nested).at("/error/message").asText(), "no library settings in the answer");
    }

    @Test
    void aMessageIsReadStrictlySoThatNoFilterInFrontReadsItDifferently() throws Exception {
        String discover = modern(1, "server/discover", null).toString();
        HttpResponse<String> twoValues = postText(discover + discover);
        assertEquals(400, twoValues.statusCode());
        assertEquals("Parse error: more than one JSON value in the message", body(twoValues).at("/error/message").asText());

        HttpResponse<String> twice = postText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"method\":\"initialize\"}");
        assertEquals(-32700, body(twice).at("/error/code").asInt());
        assertTrue(body(twice).at("/error/message").asText().contains("Duplicate field 'method'"), twice.body());

        HttpResponse<String> huge = postText("{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"initialize\",\"params\":{}}");
        assertEquals(-32600, body(huge).at("/error/code").asInt(), "an id that cannot be echoed as sent");
        assertTrue(body(huge).get("id").isNull(), "and is not echoed as something else: " + huge.body());

        Map<String, String> contradicting = new LinkedHashMap<>();
        contradicting.put("MCP-Protocol-Version", "2026-07-28");
        contradicting.put("Mcp-Method", "tools/list");
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call").header("Mcp-Method", "tools/list").header("Mcp-Name", "echo")
                .POST(HttpRequest.BodyPublishers.ofString(modern(2, "tools/call", call("echo", null)).toString()));
        HttpResponse<String> doubled = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, doubled.statusCode(), doubled.body());
        assertEquals(-32020, body(doubled).at("/error/code").asInt(), "two different Mcp-Method headers");
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("ok", body(response).get("status").asText());
    }

    @Test
    void resourcesAndPromptsAreServed() throws Exception {
        JsonNode templates = body(postModern(modern(1, "resources/templates/list", null))).get("result");
        assertEquals("users://{id}/profile", templates.at("/resourceTemplates/0/uriTemplate").asText());
        ObjectNode read = modern(2, "resources/read", Messages.object().put("uri", "users://42/profile"));
        JsonNode contents = body(post(read, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method",
                "resources/read", "Mcp-Name", "users://42/profile"))).at("/result/contents/0");
        assertEquals("profile of 42.0", contents.get("text").asText(), "the placeholder is checked as a number");
        ObjectNode badRead = modern(6, "resources/read", Messages.object().put("uri", "users://ada/profile"));
        JsonNode badPlaceholder = body(post(badRead, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method",
                "resources/read", "Mcp-Name", "users://ada/profile")));
        assertEquals(-32602, badPlaceholder.at("/error/code").asInt());
        assertEquals("Error creating resource from template: 1 validation error for users://{id}/profileArguments\n"
                + "id\n  Input should be a valid number, unable to parse string as a number",
                badPlaceholder.at("/error/message").asText());
        assertEquals("text/plain", contents.get("mimeType").asText());
        ObjectNode missing = modern(3, "resources/read", Messages.object().put("uri", "nothing://here"));
        JsonNode notFound = body(post(missing, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method",
                "resources/read", "Mcp-Name", "nothing://here")));
        assertEquals(-32602, notFound.at("/error/code").asInt());
        assertEquals("Resource not found: nothing://here", notFound.at("/error/message").asText());

        ObjectNode get = modern(4, "prompts/get", call("greet", Messages.object().put("who", "Ada")));
        JsonNode messages = body(postModern(get)).at("/result/messages");
        assertEquals("user", messages.at("/0/role").asText(), "system is sent as user");
        assertEquals("assistant", messages.at("/1/role").asText());
        assertEquals("Hello Ada", messages.at("/1/content/text").asText());
        JsonNode missingArgument = body(postModern(modern(5, "prompts/get", call("greet", null))));
        assertEquals(-32602, missingArgument.at("/error/code").asInt());
        assertTrue(missingArgument.at("/error/message").asText().contains("'who'"));
        ObjectNode listForWho = Messages.object();
        listForWho.putArray("who").add("Ada");
        JsonNode wrongType = body(postModern(modern(6, "prompts/get", call("greet", listForWho))));
        assertEquals(-32602, wrongType.at("/error/code").asInt());
        assertEquals("Error rendering prompt greet: 1 validation error for greetArguments\nwho\n"
                + "  Input should be a valid string", wrongType.at("/error/message").asText());
    }

    @Test
    void closeReleasesThePort() throws Exception {
        int port = server.port();
        server.close();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName("localhost"))) {
            assertNotNull(socket);
        }
    }
}
