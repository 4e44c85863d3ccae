package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.McpHttpClient.ToolOutcome;

/**
 * Python tools and a Python plugin behind `mxcp serve` of the Python distribution, called over MCP
 * (streamable HTTP) by our own client and by the official TypeScript SDK client: results, the kinds of Python
 * failure (each naming file and function), cancelled Python calls, a server that keeps serving after them, reloads
 * asked by a tool ({@code reload_duckdb}), and the stop at SIGTERM. One server for the whole class: GraalPy starts
 * slowly.
 */
class PythonServeIT {

    /** GraalPy's first context takes seconds, and more on a loaded machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    /** A reload restarts the GraalPy runtime, which takes seconds on a loaded machine. */
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(120);
    /** The drain, the Python runtime's shutdown hooks and the framework's stop. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);

    private static PythonProject fixture;
    private static int port;
    private static ServerProcess server;
    private static McpHttpClient client;

    @BeforeAll
    static void serve() {
        fixture = PythonProject.create(PythonServeIT.class);
        port = FreePort.find();
        // --ignore-errors: the inline tool never validates (spec 01 §2.11) and would stop the server
        server = fixture.mxcp.start(fixture.project, "serve", "--port", Integer.toString(port), "--ignore-errors")
                .awaitHealthy(port, START_LIMIT);
        client = new McpHttpClient(port);
    }

    /**
     * SIGTERM while a call runs: the call is answered (drain), the framework stops normally so the on_shutdown hook
     * runs, and the server exits 0.
     */
    @AfterAll
    static void stop() throws Exception {
        if (server == null) {
            return;
        }
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ServerProcess stopping = server) {
            Future<ToolOutcome> napping = caller.submit(() -> client.callTool("nap", Map.of("seconds", 3)));
            Thread.sleep(1000); // the call is under way
            stopping.signal("TERM");
            assertEquals(0, stopping.awaitExit(STOP_LIMIT), stopping::describe);
            assertEquals("rested", napping.get().successText(), () -> "the call in flight was drained\n" + stopping.describe());
            assertTrue(fixture.shutdownLog().contains("shutdown after 1 init"),
                    "on_shutdown ran when the server stopped: " + fixture.shutdownLog() + "\n" + stopping.describe());
        } finally {
            caller.shutdownNow();
        }
    }

    private static String success(String tool, Map<String, Object> arguments) {
        ToolOutcome outcome = client.callTool(tool, arguments);
        assertNotNull(outcome.successText(), outcome + "\n" + server.describe());
        return outcome.successText();
    }

    private static String failure(String tool) {
        return failure(tool, Map.of());
    }

    private static String failure(String tool, Map<String, Object> arguments) {
        ToolOutcome outcome = client.callTool(tool, arguments);
        assertNotNull(outcome.failureText(), outcome.toString());
        return outcome.failureText();
    }

    @Test
    void syncAndAsyncToolsAnswer() {
        assertEquals("5", success("add", Map.of("a", 2, "b", 3)));
        assertEquals("42", success("slow_double", Map.of("x", 21)));
    }

    @Test
    void aSqlToolCallsThePythonPluginUdf() {
        assertTrue(success("decrypt_sql", Map.of("message", "ifmmp")).contains("\"plain\":\"hello\""));
    }

    @Test
    void pythonSqlReachesThePluginToo() {
        assertEquals("bcd", success("cipher", Map.of("text", "abc")));
    }

    @Test
    void datesDecimalsListsAndNoneCrossBothWays() {
        JsonNode result = Json.parse(success("dates", Map.of("day", "2024-01-15")), "dates");
        assertEquals("2024-01-16", result.path("next").asText());
        assertEquals(1.5, result.path("price").asDouble());
        assertTrue(result.path("none").isNull(), result.toString());
        assertEquals("[1,2.5,\"x\"]", result.path("items").toString());
    }

    @Test
    void dbExecuteBindsNamedParametersOnTheProjectDatabase() {
        assertEquals("[{\"i\":0,\"doubled\":0},{\"i\":1,\"doubled\":2},{\"i\":2,\"doubled\":4}]",
                Json.parse(success("query", Map.of("n", 2)), "query").toString());
    }

    /** Spec 01 §6.3: a UDF sees the caller of the statement (here nobody) on every row, and takes three parameters. */
    @Test
    void pluginUdfsSeeTheCallerOnEveryRowAndTakeThreeParameters() {
        assertEquals("[{\"who\":\"row:None\",\"wrapped\":\"[x]\"}]",
                Json.parse(success("udf_caller", Map.of()), "udf_caller").toString());
    }

    /**
     * Spec 01 appendix B, O15 and O16: output vectors only code (not SQL rows) can produce; the spec's message,
     * then the function that returned the value.
     */
    @Test
    void objectReturnsAreShapedThenValidated() {
        assertEquals("Error executing tool object_from_text: Output validation failed: Expected object, got str"
                + " (returned by function 'object_from_text' in python/calc.py)", failure("object_from_text").strip());
        assertEquals("Error executing tool object_from_list: Output validation failed: Expected object, got int"
                + " (returned by function 'object_from_list' in python/calc.py)", failure("object_from_list").strip());
        assertEquals("Error executing tool wrong_type: Output validation failed: Expected integer, got str"
                + " (returned by function 'wrong_type' in python/calc.py)",
                failure("wrong_type", Map.of("shape", "text")).strip());
    }

    @Test
    void aUdfExceptionReadsAsDuckDbsPythonUdfErrorWithoutJavaInternals() {
        assertEquals("Error executing tool udf_refuses: Failed to execute SQL: Invalid Input Error: Python exception"
                + " occurred while executing the UDF 'refuse_str_secret': ValueError: no thanks: x"
                + " (at plugins/caesar/__init__.py:31 in refuse)", failure("udf_refuses").strip());
    }

    @Test
    void requestHeadersReachTheExecutionContext() {
        String headers = success("headers", Map.of());
        assertTrue(headers.contains("\"mcp-name\":\"headers\""), headers);
    }

    @Test
    void theExecutionContextNamesTheTransportAndCarriesTheMcpProxy() {
        String transport = success("transport", Map.of());
        assertTrue(transport.contains("\"transport\":\"streamable-http\"") && transport.contains("\"mcp_proxy\":true"),
                transport);
    }

    @Test
    void failuresNameFileAndFunctionAndTheServerKeepsServing() {
        String raised = failure("divide", Map.of("a", 1, "b", 0));
        assertTrue(raised.contains("Cannot divide by zero (ValueError at python/calc.py:") && raised.contains("in divide)"), raised);

        String syntax = failure("oops");
        assertTrue(syntax.contains("Failed to execute Python code: Failed to load Python module from "), syntax);
        assertTrue(syntax.contains("broken.py") && syntax.contains("SyntaxError at python/broken.py:1"), syntax);

        assertTrue(failure("missing_fn").contains("Function 'missing_fn' not found in python/calc.py"));

        String notJson = failure("bad_return");
        assertTrue(notJson.contains("Function 'bad_return' in python/calc.py returned a value of type 'object'"), notJson);
        String cyclic = failure("self_containing");
        assertTrue(cyclic.startsWith("Error executing tool self_containing: Function 'self_containing' in "
                + "python/calc.py returned a value nested deeper than ")
                && cyclic.contains(" levels, or a list or dict that contains itself"), cyclic);
        String unprintable = failure("unprintable_error");
        assertTrue(unprintable.startsWith("Error executing tool unprintable_error: <exception str() failed> "
                + "(Unprintable at python/calc.py:") && unprintable.contains(" in unprintable_error)"), unprintable);

        String wrongType = failure("wrong_type", Map.of("shape", "dict"));
        assertTrue(wrongType.contains("Error executing tool wrong_type: Output validation failed: Expected integer, got dict"
                + " (returned by function 'wrong_type' in python/calc.py)"), wrongType);

        assertEquals("11", success("add", Map.of("a", 5, "b", 6)));
    }

    /**
     * The official TypeScript SDK client (2026-07-28): the Python tools of issue 5 answer (sync, async, db.execute,
     * secret, user context, a SQL tool using the Python plugin's UDF), and Python calls it aborts (sync sleep, busy
     * loop, async sleep, a long db.execute) stop within a second while a call beside each goes on, and so does the
     * server.
     */
    @Test
    void officialClientCallsAndCancelsPythonTools() {
        ClientScript.Report report = ClientScript.PYTHON_V2.overHttp(fixture.mxcp, fixture.project.getParent(),
                "http://localhost:" + port + "/mcp", server.pid(),
                Map.of("MXCP_IT_EVENTS_LOG", fixture.eventsFile().toString()));
        assertEquals(McpHttpClient.MODERN, report.step("connect").path("result").path("protocolVersion").asText(),
                report::describe);
        List<String> tools = new ArrayList<>();
        report.step("listTools").path("result").path("tools").forEach(tool -> tools.add(tool.path("name").asText()));
        assertTrue(tools.containsAll(List.of("add", "slow_double", "query", "secret", "whoami", "decrypt_sql",
                "nap", "spin", "async_nap", "slow_query")), tools::toString);
        // inline Python code never validates (spec 01 §2.11), so serve skips the inline tool; `mxcp run` runs it
        assertFalse(tools.contains("inline"), tools::toString);
        assertEquals("Unknown tool: inline", report.step("calls").path("inline").path("error").path("message").asText(),
                report::describe);

        JsonNode calls = report.step("calls");
        assertEquals("5", text(calls, "sync"), report::describe);
        assertEquals("42", text(calls, "async"), report::describe);
        assertEquals("[{\"i\":0,\"doubled\":0},{\"i\":1,\"doubled\":2},{\"i\":2,\"doubled\":4}]",
                Json.parse(text(calls, "dbExecute"), "db.execute rows").toString(), report::describe);
        JsonNode secret = Json.parse(text(calls, "secret"), "secret tool result");
        assertEquals("s3cret", secret.path("secret").path("value").asText(), report::describe);
        assertEquals("pyproj", secret.path("project").asText(), report::describe);
        assertTrue(Json.parse(text(calls, "userContext"), "whoami result").path("user").isNull(),
                () -> "no auth: the Python code sees no user\n" + report.describe());
        assertTrue(text(calls, "pluginUdfFromSql").contains("\"plain\":\"hello\""), report::describe);

        String events = fixture.events();
        assertStoppedWithinASecond(report, events, "syncSleep", "nap interrupted");
        assertStoppedWithinASecond(report, events, "busyLoop", "spin interrupted");
        assertStoppedWithinASecond(report, events, "asyncSleep", "async_nap cancelled");
        assertStoppedWithinASecond(report, events, "dbExecute", "slow_query interrupted");
        // the calls that ran beside the cancelled ones, on other threads of the same interpreter, went on
        JsonNode cancelled = report.step("cancelled");
        assertEquals("rested", text(cancelled.path("syncSleep"), "neighbour"), report::describe);
        assertEquals("rested", text(cancelled.path("busyLoop"), "neighbour"), report::describe);
        assertEquals("rested", text(cancelled.path("asyncSleep"), "neighbour"), report::describe);
        assertEquals("[{\"i\":0,\"doubled\":0},{\"i\":1,\"doubled\":1},{\"i\":2,\"doubled\":2}]",
                Json.parse(text(cancelled.path("dbExecute"), "neighbour"), "db.execute rows").toString(),
                report::describe);
        assertEquals("42", report.step("afterCancel").path("result").path("content").path(0).path("text").asText(),
                report::describe);
    }

    private static String text(JsonNode calls, String key) {
        JsonNode call = calls.path(key);
        assertTrue(call.path("ok").asBoolean(false) && !call.path("result").path("isError").asBoolean(false),
                () -> key + ": " + call.toPrettyString());
        return call.path("result").path("content").path(0).path("text").asText();
    }

    /**
     * The client gave up on the call once its Python code ran, and the Python code noted its interruption less than a
     * second later.
     */
    private static void assertStoppedWithinASecond(ClientScript.Report report, String events, String key, String event) {
        JsonNode cancelled = report.step("cancelled").path(key);
        assertTrue(cancelled.path("started").asBoolean(false), () -> key + ": the client aborted the call before its"
                + " Python code noted that it started\n" + report.describe() + "\n" + server.describe());
        assertFalse(cancelled.path("call").path("ok").asBoolean(true), () -> key + " completed\n" + report.describe());
        double abortedAt = cancelled.path("abortedAtEpochMs").asDouble() / 1000;
        double stoppedAt = events.lines().filter(line -> line.startsWith(event + " ")).mapToDouble(
                line -> Double.parseDouble(line.substring(event.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + event + "' in events.log:\n" + events + "\n"
                        + report.describe() + "\n" + server.describe()));
        assertTrue(stoppedAt - abortedAt < 1.0, () -> event + " " + (stoppedAt - abortedAt) + " s after the abort\n"
                + events + "\n" + report.describe() + "\n" + server.describe());
    }

    @Test
    void concurrentCallsEachGetTheirOwnResult() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int x = i;
                answers.add(threads.submit(() -> x % 2 == 0 ? success("slow_double", Map.of("x", x))
                        : success("add", Map.of("a", x, "b", 1000))));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(Integer.toString(i % 2 == 0 ? 2 * i : i + 1000), answers.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * reload_duckdb's classic use: the tool writes a new database file beside the served one and returns at once;
     * the payload moves it in place while the runtime is shut down, and the calls after the reload read it.
     */
    @Test
    void aToolsReloadPayloadReplacesTheDatabaseFile() {
        assertEquals("the original database", success("database_marker", Map.of()));
        int inits = initHookRuns();
        int reloads = completedReloads();
        assertEquals("reloading", success("swap_database", Map.of()));
        server.awaitStderrLine(RELOAD_LIMIT, "the reload asked by swap_database",
                line -> line.contains("Reload requested by an endpoint: swap in the new database"));
        Poll.until(RELOAD_LIMIT, "the reload to complete", () -> completedReloads() > reloads ? true : null,
                server::describe);
        assertEquals("swapped in by the payload", success("database_marker", Map.of()));
        assertEquals(inits + 1, initHookRuns(), "the reload ran on_init again in the interpreter that kept calc.py"
                + " imported, with its state (spec 01 §5.3, §5.8)");
        assertTrue(success("decrypt_sql", Map.of("message", "ifmmp")).contains("\"plain\":\"hello\""),
                "the new runtime registered the plugin's UDF again");
    }

    /** A payload that raises fails the reload: logged with the Python error, and the server keeps serving. */
    @Test
    void aFailingReloadPayloadIsLoggedAndThePreviousConfigurationServes() {
        assertEquals("reloading", success("reload_failing", Map.of()));
        String failed = server.awaitStderrLine(RELOAD_LIMIT, "the failed reload",
                line -> line.contains("Reload failed, the previous configuration keeps serving: the reload payload"));
        assertTrue(failed.contains("no new database to put in place (FileNotFoundError at python/reloads.py:"),
                failed);
        assertEquals("11", success("add", Map.of("a", 5, "b", 6)));
    }

    /** How often calc.py's on_init hook ran in its module's lifetime. */
    private static int initHookRuns() {
        return Json.parse(success("secret", Map.of()), "secret tool result").path("inits").asInt();
    }

    private static int completedReloads() {
        return (int) server.stderr().lines().filter(line -> line.contains("Reload complete:")).count();
    }
}
