package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP clients of both protocol eras against `mxcp serve`, over stdio and streamable HTTP:
 * the TypeScript SDK v2 client pinned to 2026-07-28 and the v1 client (initialize, 2025-11-25).
 */
class McpClientsIT {

    private static final String LEGACY = "2025-11-25";
    /** The project's tools: the bootstrap's hello_world and those of src/test/js/project-extras. */
    private static final int TOOL_COUNT = 7;
    private static final int PAGE_SIZE = 3;
    private static final Pattern NAMES_PARAMETER = Pattern.compile("\\bname\\b");
    private static final Pattern PLACEHOLDER_N = Pattern.compile("\\bn\\b");

    private static Path work;
    /** Two projects: a DuckDB file is opened by one process at a time, and the HTTP server keeps its open. */
    private static Path stdioProject;
    private static Path httpProject;
    /** Runs the stdio servers the clients spawn; checked for leftovers after every stdio test. */
    private static Mxcp stdioMxcp;
    /** Runs the one HTTP server both clients share. */
    private static Mxcp httpMxcp;
    private static ServerProcess httpServer;
    private static String mcpUrl;

    @BeforeAll
    static void bootstrapAndServe() {
        work = Distribution.freshWorkFolder(McpClientsIT.class);
        stdioMxcp = new Mxcp(Distribution.home(), work);
        httpMxcp = new Mxcp(Distribution.home(), work);
        stdioProject = withExtras(httpMxcp.bootstrap(work, "stdio-clients"));
        httpProject = withExtras(httpMxcp.bootstrap(work, "http-clients"));
        try {
            Files.createDirectories(work.resolve(".mxcp"));
            Files.writeString(work.resolve(".mxcp/config.yml"), "transport:\n  page_size: " + PAGE_SIZE + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePort.find();
        httpServer = httpMxcp.serve(httpProject, port);
        mcpUrl = "http://localhost:" + port + "/mcp";
    }

    /** Adds the resources, prompt, long-running and policy-guarded tools of src/test/js/project-extras to a project. */
    private static Path withExtras(Path project) {
        Path extras = Distribution.clientScripts().resolve("project-extras");
        try (Stream<Path> files = Files.walk(extras)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = project.resolve(extras.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    @AfterAll
    static void stopServer() {
        if (httpServer != null) {
            httpServer.close();
        }
        Leftovers.assertNone(httpMxcp);
    }

    @AfterEach
    void stdioServersHaveExited() {
        Leftovers.assertNone(stdioMxcp);
    }

    @Test
    void modernClientOverStdio() {
        ClientScript.Report report = ClientScript.V2.overStdio(stdioMxcp, work, stdioProject);
        assertModernSession(report);
        assertScenario(report);
    }

    @Test
    void legacyClientOverStdio() {
        ClientScript.Report report = ClientScript.V1.overStdio(stdioMxcp, work, stdioProject);
        assertLegacySession(report);
        assertScenario(report);
    }

    @Test
    void modernClientOverHttp() {
        ClientScript.Report report = ClientScript.V2.overHttp(httpMxcp, work, mcpUrl, httpServer.pid());
        assertModernSession(report);
        assertScenario(report);
    }

    @Test
    void legacyClientOverHttp() {
        ClientScript.Report report = ClientScript.V1.overHttp(httpMxcp, work, mcpUrl, httpServer.pid());
        assertLegacySession(report);
        assertScenario(report);
    }

    private static void assertModernSession(ClientScript.Report report) {
        JsonNode connect = succeeded(report, "connect");
        assertEquals(McpHttpClient.MODERN, connect.path("protocolVersion").asText(), report::describe);
        assertEquals("modern", connect.path("era").asText(), report::describe);
    }

    private static void assertLegacySession(ClientScript.Report report) {
        JsonNode connect = succeeded(report, "connect");
        assertEquals(LEGACY, connect.path("protocolVersion").asText(), report::describe);
    }

    /** What every client must see, whatever the era and transport. */
    private static void assertScenario(ClientScript.Report report) {
        // the user config cuts lists into pages of PAGE_SIZE: the scenario follows nextCursor to the last page, the
        // v2 client already does so itself when asked for the whole list
        JsonNode listed = succeeded(report, "listTools");
        JsonNode tools = listed.path("tools");
        assertEquals(TOOL_COUNT, tools.size(), report::describe);
        boolean clientWalksPages = report.step("sdk").asText().startsWith("@modelcontextprotocol/client@");
        assertEquals(clientWalksPages ? 1 : (TOOL_COUNT + PAGE_SIZE - 1) / PAGE_SIZE, listed.path("pages").asInt(),
                report::describe);
        String junkCursor = failureText(report, "listToolsJunkCursor");
        assertTrue(junkCursor.contains("cursor 'not-a-cursor'"), report::describe);
        JsonNode hello = StreamSupport.stream(tools.spliterator(), false)
                .filter(tool -> tool.path("name").asText().equals("hello_world"))
                .findFirst().orElse(null);
        assertNotNull(hello, () -> "tools/list has no hello_world\n" + report.describe());
        JsonNode inputSchema = hello.path("inputSchema");
        assertEquals("object", inputSchema.path("type").asText(), report::describe);
        assertEquals("string", inputSchema.path("properties").path("name").path("type").asText(), report::describe);
        assertEquals(Json.MAPPER.createArrayNode().add("name"), inputSchema.path("required"), report::describe);

        JsonNode greeting = succeeded(report, "callHello");
        assertFalse(greeting.path("isError").asBoolean(false), report::describe);
        assertEquals("Hello, World!", greeting.path("content").path(0).path("text").asText(), report::describe);

        String unknown = failureText(report, "callUnknown");
        assertTrue(unknown.contains("no_such_tool"), () -> "the error does not name the tool\n" + report.describe());

        // spec 01 §3.9: over MCP an object for a string parameter fails the MCP-layer check (only scalars are
        // turned into text), unlike `mxcp run`, which skips that layer
        String wrongType = failureText(report, "callWrongType");
        assertTrue(NAMES_PARAMETER.matcher(wrongType).find(),
                () -> "the error does not name the parameter\n" + report.describe());

        String missing = failureText(report, "callMissingArgument");
        assertTrue(NAMES_PARAMETER.matcher(missing).find(),
                () -> "the error does not name the parameter\n" + report.describe());

        // language-model clients often send an array as its JSON text; the original's MCP layer takes both
        for (String call : new String[] {"callArray", "callArrayAsJsonText"}) {
            JsonNode total = succeeded(report, call);
            assertFalse(total.path("isError").asBoolean(false), report::describe);
            assertEquals(42, total.path("structuredContent").path("result").asInt(), report::describe);
        }

        // an object argument without one of its optional properties (what models send): the SQL still finds it null
        JsonNode partial = succeeded(report, "callPartialObject");
        assertFalse(partial.path("isError").asBoolean(false), report::describe);
        assertEquals(3, partial.path("structuredContent").path("result").asInt(), report::describe);

        // the SDK clients check structured content against the outputSchema: date results must pass
        JsonNode dates = succeeded(report, "callDates");
        assertFalse(dates.path("isError").asBoolean(false), report::describe);
        assertTrue(dates.path("structuredContent").path("placed").asText().startsWith("2024-01-02"), report::describe);
        // a NULL column and a value the declared enum does not list: the server accepts both (spec 01 §3.6), so
        // must the outputSchema the SDK clients check structured content against
        JsonNode sparse = succeeded(report, "callSparse");
        assertFalse(sparse.path("isError").asBoolean(false), report::describe);
        assertTrue(sparse.at("/structuredContent/result/1/email").isNull(), report::describe);
        assertEquals("archived", sparse.at("/structuredContent/result/1/status").asText(), report::describe);

        assertPolicies(report);
        assertResources(report);
        assertPrompts(report);
        assertCancellation(report);
        succeeded(report, "close");
    }

    /** The caller over MCP without auth is anonymous: an input rule denies, an output rule removes a value. */
    private static void assertPolicies(ClientScript.Report report) {
        String denied = failureText(report, "callPolicyDenied");
        assertTrue(denied.contains("Policy enforcement failed: The CEO's salary is private"),
                () -> "the denial does not carry the policy's reason\n" + report.describe());
        JsonNode filtered = succeeded(report, "callPolicyFiltered");
        assertFalse(filtered.path("isError").asBoolean(false), report::describe);
        assertEquals(Json.parse("{\"who\":\"ann\"}", "salary"),
                Json.parse(filtered.path("content").path(0).path("text").asText(), "text"), report::describe);
    }

    private static void assertResources(ClientScript.Report report) {
        assertEquals("motd://today", succeeded(report, "listResources").path("resources").path(0).path("uri").asText(),
                report::describe);
        assertEquals("numbers://{n}/square",
                succeeded(report, "listTemplates").path("resourceTemplates").path(0).path("uriTemplate").asText(),
                report::describe);
        JsonNode motd = succeeded(report, "readStatic").path("contents").path(0);
        assertEquals("Have a nice day", motd.path("text").asText(), report::describe);
        assertEquals("text/plain", motd.path("mimeType").asText(), report::describe);
        JsonNode square = succeeded(report, "readTemplate").path("contents").path(0);
        assertEquals("numbers://7/square", square.path("uri").asText(), report::describe);
        assertEquals(Json.parse("{\"n\":7,\"square\":49}", "square"), Json.parse(square.path("text").asText(), "text"),
                report::describe);
        String unknown = failureText(report, "readUnknown");
        assertTrue(unknown.contains("motd://tomorrow"), () -> "the error does not name the URI\n" + report.describe());
        String bad = failureText(report, "readBadArgument");
        assertTrue(PLACEHOLDER_N.matcher(bad).find(),
                () -> "the error does not name the placeholder\n" + report.describe());
    }

    private static void assertPrompts(ClientScript.Report report) {
        JsonNode greet = succeeded(report, "listPrompts").path("prompts").path(0);
        assertEquals("greet", greet.path("name").asText(), report::describe);
        assertEquals("[{\"name\":\"person\",\"description\":\"Who to greet\",\"required\":true},"
                + "{\"name\":\"style\",\"description\":\"How to greet\",\"required\":false}]",
                greet.path("arguments").toString(), report::describe);
        JsonNode messages = succeeded(report, "getPrompt").path("messages");
        assertEquals("user", messages.path(0).path("role").asText(), report::describe); // system is sent as user
        assertEquals("Write a formal greeting for Ada.", messages.path(1).path("content").path("text").asText(),
                report::describe);
        assertEquals("Write a casual greeting for Bob.",
                succeeded(report, "getPromptDefault").path("messages").path(1).path("content").path("text").asText(),
                report::describe);
        assertTrue(failureText(report, "getUnknownPrompt").contains("no_such_prompt"), report::describe);
        assertTrue(failureText(report, "getPromptMissingArgument").contains("person"), report::describe);
        assertTrue(failureText(report, "getPromptBadArgument").contains("style"), report::describe);
    }

    /** The aborted long query stops: the client gets no result, the next call is prompt, the server idles. */
    private static void assertCancellation(ClientScript.Report report) {
        JsonNode cancel = report.step("cancel");
        assertFalse(cancel.path("call").path("ok").asBoolean(true),
                () -> "the aborted call completed instead of being cancelled\n" + report.describe());
        assertTrue(cancel.path("ranMs").asLong() >= 900, report::describe);
        assertTrue(cancel.path("next").path("ok").asBoolean(false), report::describe);
        assertTrue(cancel.path("settledMs").asLong() + cancel.path("nextMs").asLong() < 1000,
                () -> "the call after the cancelled one was not answered within a second\n" + report.describe());
        assertTrue(cancel.has("serverCpuMsPerSecond"), () -> "no server process to measure\n" + report.describe());
        assertTrue(cancel.path("serverCpuMsPerSecond").asLong() < 300,
                () -> "the server still burns CPU after the cancel (query not interrupted?)\n" + report.describe());
    }

    private static JsonNode succeeded(ClientScript.Report report, String step) {
        JsonNode outcome = report.step(step);
        assertTrue(outcome.path("ok").asBoolean(false), () -> step + " failed\n" + report.describe());
        return outcome.path("result");
    }

    /** A failed call is a JSON-RPC error (code and message) or a result with isError; either way its text is returned. */
    private static String failureText(ClientScript.Report report, String step) {
        JsonNode outcome = report.step(step);
        if (!outcome.path("ok").asBoolean(false)) {
            JsonNode error = outcome.path("error");
            assertTrue(error.path("code").isIntegralNumber(),
                    () -> step + " failed in the client, not with a JSON-RPC error\n" + report.describe());
            return error.path("message").asText() + "\n" + error.path("data");
        }
        JsonNode result = outcome.path("result");
        assertTrue(result.path("isError").asBoolean(false), () -> step + " should have failed\n" + report.describe());
        return StreamSupport.stream(result.path("content").spliterator(), false)
                .map(item -> item.path("text").asText())
                .collect(Collectors.joining("\n"));
    }
}
