package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HOTSWAP.md rules 1 and 2 for the Python executor, on the Python distribution: the executor bundle is swapped 5 times
 * by dropping newer jars into deploy/ while 8 callers call a Python tool. Each new executor runs the project's Python
 * in an interpreter of its own (the module is imported again, so an import-time token changes) on the polyglot engine
 * the kernel owns: no call fails, no native library is loaded a second time, and the replaced executors' classes go.
 */
class PythonExecutorSwapIT {

    private static final int SWAPS = 5;
    private static final int CALLERS = 8;
    private static final String EXECUTOR_JAR = "mxcp-executor-python.jar";
    private static final String EXECUTOR_CLASS = "io.mxcp.executor.python.PythonExecutor";
    /** A liveness bound: a new executor starts a Python interpreter and imports the project's module. */
    private static final Duration SWAP_LIMIT = Duration.ofSeconds(60);
    private static final String MODULE = """
            import uuid

            # imported once per interpreter: tells the interpreters apart
            INTERPRETER = str(uuid.uuid4())


            def add(a: int, b: int) -> int:
                return a + b


            def interpreter() -> str:
                return INTERPRETER
            """;
    private static final String ADD_TOOL = """
            mxcp: 1
            tool:
              name: add
              description: Adds two integers in Python
              language: python
              source: {file: ../python/swap.py}
              parameters:
                - {name: a, type: integer, description: first}
                - {name: b, type: integer, description: second}
              return: {type: integer}
            """;
    private static final String INTERPRETER_TOOL = """
            mxcp: 1
            tool:
              name: interpreter
              description: The token of the Python interpreter that answers
              language: python
              source: {file: ../python/swap.py}
              return: {type: string}
            """;

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivatePythonHome((work, mxcp) -> {
        Path project = mxcp.bootstrap(work, "pyswap");
        Files.createDirectories(project.resolve("python"));
        Files.writeString(project.resolve("python/swap.py"), MODULE);
        Files.writeString(project.resolve("tools/add.yml"), ADD_TOOL);
        Files.writeString(project.resolve("tools/interpreter.yml"), INTERPRETER_TOOL);
        return project;
    });

    @Test
    void pythonExecutorSwapsUnderCallsLoseNoCallAndLoadNoEngineTwice() throws Exception {
        ServerProcess server = served.server();
        McpHttpClient client = served.client();
        JvmProbe jvm = new JvmProbe(server.pid());
        Set<String> interpreters = new LinkedHashSet<>();
        interpreters.add(interpreter(client, server));
        Set<String> nativeBefore = jvm.mappedFiles(".so");
        Path executorJar = PythonProject.home().resolve("bundles").resolve(EXECUTOR_JAR);

        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "add", Map.of("a", 20, "b", 22));
        try (callers) {
            for (int swap = 1; swap <= SWAPS; swap++) {
                String version = "0.2." + swap;
                DeployDrop.drop(served.deploy(), EXECUTOR_JAR,
                        out -> PluginJars.withVersion(executorJar, version, out));
                server.awaitLogLineEnding(SWAP_LIMIT, "started mxcp-executor-python " + version);
                if (swap > 1) {
                    server.awaitLogLineEnding(SWAP_LIMIT, "removed mxcp-executor-python 0.2." + (swap - 1));
                }
                int before = interpreters.size();
                Poll.until(SWAP_LIMIT, "the Python tool answered by executor " + version, () -> {
                    interpreters.add(interpreter(client, server));
                    return interpreters.size() > before ? true : null;
                }, server::describe);
            }
        }

        List<ToolCallers.Call> calls = callers.calls();
        ToolCallers.assertNoneFailed(calls, server);
        assertEquals(List.of(), calls.stream().filter(call -> !"42".equals(call.text())).toList(), server::describe);
        assertEquals(SWAPS + 1, interpreters.size(), () -> "one interpreter per executor: " + interpreters);
        server.assertNoProblemsLogged();
        assertEquals(nativeBefore, jvm.mappedFiles(".so"), "native libraries mapped into the server after the swaps");
        jvm.awaitLoaders(EXECUTOR_CLASS, 2, SWAP_LIMIT, "class loaders holding the Python executor's classes after "
                + SWAPS + " swaps (two: the one started from bundles/ and the newest deployed)");
        long slowestMillis = calls.stream().mapToLong(call -> call.endNanos() - call.startNanos()).max().orElse(0)
                / 1_000_000;
        System.out.printf("PythonExecutorSwapIT: %d Python executor swaps under %d callers, %d calls, none failed,"
                + " %d interpreters; slowest call %d ms%n", SWAPS, CALLERS, calls.size(), interpreters.size(),
                slowestMillis);
    }

    private static String interpreter(McpHttpClient client, ServerProcess server) {
        String token = client.callTool("interpreter", Map.of()).successText();
        assertNotNull(token, server::describe);
        return token;
    }

}
