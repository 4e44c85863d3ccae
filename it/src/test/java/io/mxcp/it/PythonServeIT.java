package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import io.mxcp.it.McpHttpClient.ToolOutcome;

/**
 * Python tools and a Python plugin behind `mxcp serve` of the Python distribution, called over MCP
 * (streamable HTTP): results, the kinds of Python failure (each naming file and function), a server that keeps
 * serving after them, and the stop at SIGTERM. One server for the whole class: GraalPy starts slowly.
 */
class PythonServeIT {

    /** GraalPy's first context takes seconds, and more on a loaded machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    /** The drain, the Python runtime's shutdown hooks and the framework's stop. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);

    private static PythonProject fixture;
    private static ServerProcess server;
    private static McpHttpClient client;

    @BeforeAll
    static void serve() {
        fixture = PythonProject.create(PythonServeIT.class);
        int port = FreePort.find();
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
        ToolOutcome outcome = client.callTool(tool, Map.of());
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
    void requestHeadersReachTheExecutionContext() {
        String headers = success("headers", Map.of());
        assertTrue(headers.contains("\"mcp-name\":\"headers\""), headers);
    }

    @Test
    void failuresNameFileAndFunctionAndTheServerKeepsServing() {
        String raised = client.callTool("divide", Map.of("a", 1, "b", 0)).failureText();
        assertTrue(raised.contains("Cannot divide by zero (ValueError at python/calc.py:") && raised.contains("in divide)"), raised);

        String syntax = failure("oops");
        assertTrue(syntax.contains("Failed to execute Python code: Failed to load Python module from "), syntax);
        assertTrue(syntax.contains("broken.py") && syntax.contains("SyntaxError at python/broken.py:1"), syntax);

        assertTrue(failure("missing_fn").contains("Function 'missing_fn' not found in python/calc.py"));

        String notJson = failure("bad_return");
        assertTrue(notJson.contains("Function 'bad_return' in python/calc.py returned a value of type 'object'"), notJson);

        String wrongType = client.callTool("wrong_type", Map.of("shape", "dict")).failureText();
        assertTrue(wrongType.contains("Error executing tool wrong_type: Output validation failed: Expected integer, got dict"
                + " (returned by function 'wrong_type' in python/calc.py)"), wrongType);

        assertEquals("11", success("add", Map.of("a", 5, "b", 6)));
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
}
