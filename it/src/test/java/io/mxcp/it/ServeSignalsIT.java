package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `mxcp serve` and the process signals (spec 02 §serve, spec 03 §7 "Shutdown"): SIGINT/SIGTERM drain and exit 0,
 * a call that outlasts the drain is cancelled, a second SIGINT while draining ends the process at once; Ctrl-C
 * during `mxcp run`, `query`, `test` or `drift-snapshot` cancels the running query, during `mxcp evals` the request to
 * a model that does not answer, and ends as the original (`Operation cancelled by user`, `Aborted!`, exit 1) without
 * the report or the file of the work cut short.
 */
class ServeSignalsIT {

    /** The drain (5 s), closing the project and stopping the framework, on a loaded machine. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(25);
    /** Time for a call sent just before to reach its endpoint. */
    private static final Duration CALL_UNDER_WAY = Duration.ofMillis(1500);

    private static Mxcp mxcp;
    private static Path project;
    private static ExecutorService callers;
    /** The native method a DuckDB query runs in (execute, execute_pending). */
    private static final String DUCKDB_QUERY = "org.duckdb.DuckDBNative.duckdb_jdbc_execute";
    /** A model API that takes connections and never answers. */
    private static ServerSocket silentModel;

    @BeforeAll
    static void bootstrap() throws IOException {
        Path work = Distribution.freshWorkFolder(ServeSignalsIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = mxcp.bootstrap(work, "signals");
        Path longRunning = Distribution.clientScripts().resolve("project-extras/tools/count-forever.yml");
        Files.copy(longRunning, project.resolve("tools/count-forever.yml"));
        Files.writeString(project.resolve("tools/tested-forever.yml"), """
                mxcp: 1
                tool:
                  name: tested_forever
                  return: {type: integer}
                  source: {code: "SELECT count(*) AS n FROM range(100000000000)"}
                  tests:
                    - {name: counts, arguments: [], result: 0}
                """);
        Files.createDirectories(project.resolve("evals"));
        Files.writeString(project.resolve("evals/waits.yml"), """
                mxcp: 1
                suite: waits
                tests:
                  - {name: asks, prompt: Count forever, assertions: {must_call: [{tool: count_forever, args: {}}]}}
                """);
        silentModel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                models:
                  default: silent
                  models:
                    silent: {type: claude, api_key: k, base_url: "http://127.0.0.1:%d", timeout: 300}
                """.formatted(silentModel.getLocalPort()));
        callers = Executors.newCachedThreadPool();
        callers.submit(ServeSignalsIT::holdModelRequests);
    }

    private static void holdModelRequests() {
        List<Socket> held = new ArrayList<>();
        while (!silentModel.isClosed()) {
            try {
                held.add(silentModel.accept());
            } catch (IOException closed) {
                held.forEach(ServeSignalsIT::closeQuietly);
                return;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over
        }
    }

    @AfterAll
    static void nothingLeft() throws IOException {
        if (silentModel != null) {
            silentModel.close();
        }
        if (callers != null) {
            callers.shutdownNow();
        }
        Leftovers.assertNone(mxcp);
    }

    private static ServerProcess serve(int port) {
        return mxcp.serve(project, port);
    }

    /** Starts the long-running tool (a 10^11-row count) and gives it time to start. */
    private static void startLongCall(int port) {
        McpHttpClient client = new McpHttpClient(port);
        callers.submit(() -> {
            try {
                client.callTool("count_forever", Map.of());
            } catch (AssertionError cutOff) {
                // the server may close the connection without an answer when it cancels the call at shutdown
            }
        });
        sleep(CALL_UNDER_WAY);
    }

    @Test
    void interruptStopsAnIdleServerWithExitZero() {
        int port = FreePort.find();
        try (ServerProcess server = serve(port)) {
            server.signal("INT");
            assertEquals(0, server.awaitExit(STOP_LIMIT), server::describe);
            assertTrue(server.stderr().contains("INFO [ServerLifecycle] SIGINT received: stopping the server (0 call(s) "
                    + "running finish first)"), server::describe);
            assertTrue(server.stderr().contains("INFO [ServerLifecycle] Server stopped"), server::describe);
            assertTrue(server.stderr().contains("👋 Server stopped"), server::describe);
        }
    }

    @Test
    void terminateWhileTheServerStartsEndsItWithoutAnErrorOfItsOwn() {
        for (long delayMillis : new long[] {1000, 2000, 3000}) {
            int port = FreePort.find();
            try (ServerProcess server = mxcp.start(project, "serve", "--port", Integer.toString(port))) {
                sleep(Duration.ofMillis(delayMillis));
                server.signal("TERM");
                int exit = server.awaitExit(STOP_LIMIT);
                // stopped by the kernel while the command started (143), or drained once it served (0)
                assertTrue(exit == 143 || exit == 0, "exit " + exit + " after " + delayMillis + " ms\n"
                        + server.describe());
                assertFalse(server.stderr().contains("Error:") || server.stderr().contains("Exception")
                        || server.stderr().contains("\tat "), "the stop seen from inside the command is not its "
                        + "error (" + delayMillis + " ms)\n" + server.describe());
            }
        }
    }

    @Test
    void terminateCancelsACallThatOutlastsTheDrainAndExitsZero() {
        int port = FreePort.find();
        try (ServerProcess server = serve(port)) {
            startLongCall(port);
            long start = System.nanoTime();
            server.signal("TERM");
            assertEquals(0, server.awaitExit(STOP_LIMIT), server::describe);
            assertTrue(server.stderr().contains("SIGTERM received: stopping the server (1 call(s) running finish first)"),
                    server::describe);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(4500)) >= 0, "the call had its 5 s to finish: " + took);
            assertTrue(server.stderr().contains("MCP calls still running after 5000 ms; cancelling them"),
                    server::describe);
            assertTrue(server.stderr().contains("👋 Server stopped"), server::describe);
        }
    }

    @Test
    void aSecondInterruptWhileDrainingExitsAtOnce() {
        int port = FreePort.find();
        try (ServerProcess server = serve(port)) {
            startLongCall(port);
            server.signal("INT");
            sleep(Duration.ofMillis(300));
            long start = System.nanoTime();
            server.signal("INT");
            assertEquals(130, server.awaitExit(Duration.ofSeconds(5)), server::describe);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "exited " + took + " after the second SIGINT");
            assertTrue(server.stderr().contains("ERROR [KernelLauncher] second SIGINT while stopping: exiting now"),
                    server::describe);
        }
    }

    @Test
    void ctrlCDuringACommandCancelsTheRunningQueryAndExitsAsTheOriginal() throws IOException {
        String forever = "SELECT count(*) AS n FROM range(100000000000)";
        String[][] commands = {{"run", "tool", "count_forever"}, {"query", forever}, {"test"}, {"drift-snapshot"},
                {"evals"}};
        for (String[] command : commands) {
            try (ServerProcess running = mxcp.start(project, command)) {
                // JVM, framework and runtime start (slowly on a loaded machine), then the work runs for minutes
                String work = command[0].equals("evals") ? "io.mxcp.models.ModelHttp." : DUCKDB_QUERY;
                Poll.until(Duration.ofSeconds(60), "mxcp " + command[0] + " running " + work,
                        () -> running.startedJvm().filter(jvm -> new JvmProbe(jvm.pid()).runs(work)).isPresent() ? true
                                : null, running::describe);
                long start = System.nanoTime();
                running.signal("INT");
                assertEquals(1, running.awaitExit(Duration.ofSeconds(10)), running::describe);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, command[0] + " exited " + took + " after SIGINT");
                assertTrue(running.stdout().contains("\nOperation cancelled by user"), running::describe);
                assertTrue(running.stderr().contains("Aborted!"), running::describe);
                assertFalse(running.stderr().contains("Error:"), running::describe);
                assertFalse(running.stdout().contains("Test Execution Summary") || running.stdout().contains("Drift snapshot")
                                || running.stdout().contains("Eval Execution Summary"),
                        "no report of the work cut short: " + running.describe());
            }
        }
        try (Stream<Path> drift = Files.list(project.resolve("drift"))) {
            assertEquals(List.of(), drift.toList(), "the snapshot whose tests were cut short is not written");
        } catch (NoSuchFileException e) {
            // no drift folder at all: nothing written either
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
