package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.LogCapture;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.ProjectSwap;
import io.mxcp.mcp.api.RunningServer;

class ServeCommandTest extends ProjectFolderTest {

    RecordingServer mcp;

    /**
     * Starts nothing: records how it was asked to serve; the "server" ends at once, as stdio does at end of input,
     * unless {@link #runsUntilClosed}.
     */
    static final class RecordingServer implements McpServerService, RunningServer {
        volatile Project served;
        HttpServerOptions http;
        boolean stdio;
        volatile boolean closed;
        boolean runsUntilClosed;
        /** What {@link #checkPort} fails with, or null. */
        String portTaken;
        HttpServerOptions checkedPort;
        final CountDownLatch closing = new CountDownLatch(1);

        @Override
        public RunningServer startHttp(Project project, HttpServerOptions options) {
            served = project;
            http = options;
            return this;
        }

        @Override
        public void checkPort(HttpServerOptions options) throws IOException {
            checkedPort = options;
            if (portTaken != null) {
                throw new IOException(portTaken);
            }
        }

        @Override
        public RunningServer startStdio(Project project, InputStream in, OutputStream out) {
            served = project;
            stdio = true;
            return this;
        }

        @Override
        public int port() {
            return http == null ? -1 : http.port() == 0 ? 54321 : http.port();
        }

        @Override
        public void awaitTermination() throws InterruptedException {
            if (runsUntilClosed) {
                closing.await();
            }
        }

        @Override
        public void reload(ProjectSwap swap) throws Exception {
            served = swap.swap(served);
        }

        /** It runs no endpoint call. */
        @Override
        public int activeRequests() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
            closing.countDown();
        }
    }

    @BeforeEach
    void toolAndServer() {
        project.withTool("hello_world", "tools/hello.yml");
        mcp = new RecordingServer();
        cli.services.mcpServer = mcp;
    }

    @Test
    void defaultsToStreamableHttpOnLocalhost8000() {
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals(new HttpServerOptions("localhost", 8000, false), mcp.http);
        assertTrue(outcome.err().contains("Listening on http://localhost:8000/mcp"), outcome.err());
        assertTrue(outcome.err().contains("Tools: 1"), outcome.err());
        assertEquals("", outcome.out(), "notices go to standard error");
        assertTrue(mcp.closed && project.closed);
        assertTrue(outcome.err().contains("👋 Server stopped"));
        assertFalse(outcome.err().contains("SIGHUP"), outcome.err());
        assertFalse(outcome.err().contains("SIGINT"), outcome.err());

        cli.ignoredSignals = Set.of(ProcessSignal.HANGUP);
        assertTrue(cli.run("serve").err().contains("⚠️  SIGHUP is ignored by this process (started with nohup?): "
                + "kill -HUP cannot reload it"), "a server started under nohup says so");
        cli.ignoredSignals = Set.of(ProcessSignal.INTERRUPT);
        String banner = cli.run("serve").err();
        assertTrue(banner.contains("\nStop with kill " + ProcessHandle.current().pid() + " (SIGTERM; SIGINT and Ctrl+C"
                + " are ignored, as in a script's background job)\n"), "a server started with & by a script says so: "
                + banner);
        assertFalse(banner.contains("⚠️  SIGINT"), "said once, where the way to stop it is: " + banner);
        assertFalse(banner.contains("Press Ctrl+C to stop"), banner);

        project.audit.enabled = true;
        project.audit.backendStates = List.of(
                new AuditTrail.BackendState("jsonl", project.audit.path(), "idle", null, null, 0),
                new AuditTrail.BackendState("postgress", project.audit.path(), "missing", null, null, 0));
        String started = cli.run("serve").err();
        assertTrue(started.contains("⚠️  Audit backend 'postgress' is not installed: its records wait until a bundle"
                + " provides it (audit.backends)"), started);
        assertFalse(started.contains("'jsonl' is not installed"), started);
    }

    @Test
    void userConfigTransportBlockThenCommandLine() {
        project.userConfig = Map.of("transport", Map.of("http", Map.of("port", 9001, "host", "0.0.0.0", "stateless", true)));
        Cli.Outcome open = cli.run("serve");
        assertEquals(new HttpServerOptions("0.0.0.0", 9001, true), mcp.http);
        assertTrue(open.err().contains("a web page can reach this server through DNS rebinding"), open.err());
        cli.run("serve", "--port", "0");
        assertEquals(new HttpServerOptions("0.0.0.0", 0, true), mcp.http);

        project.userConfig = Map.of("transport", Map.of("http", Map.of("host", "0.0.0.0",
                "allowed_hosts", List.of("mcp.example.com"))));
        Cli.Outcome guarded = cli.run("serve");
        assertEquals(List.of("mcp.example.com"), mcp.http.allowedHosts());
        assertFalse(guarded.err().contains("DNS rebinding"), guarded.err());

        project.userConfig = Map.of("transport", Map.of("http", Map.of("trust_proxy", true,
                "rate_limit", Map.of("requests_per_minute", 120, "burst", 20))));
        cli.run("serve");
        assertEquals(new HttpServerOptions.RateLimit(120, 20), mcp.http.rateLimit());
        assertTrue(mcp.http.trustProxy());
    }

    @Test
    void stdioWritesNothingToStandardOutput() {
        project.userConfig = Map.of("transport", Map.of("provider", "stdio"));
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(0, outcome.exit());
        assertTrue(mcp.stdio);
        assertEquals("", outcome.out());
        assertEquals(1, project.servingReported, "reported up once serving");
    }

    @Test
    void sseIsRefusedClearly() {
        Cli.Outcome outcome = cli.run("serve", "--transport", "sse");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("The sse transport is not supported"), outcome.err());
        assertNull(mcp.served);
        assertTrue(project.closed);
    }

    @Test
    void transportFromTheUserConfigIsCheckedToo() {
        project.userConfig = Map.of("transport", Map.of("provider", "sse"));
        assertTrue(cli.run("serve").err().contains("The sse transport is not supported"));
        project.userConfig = Map.of("transport", Map.of("provider", "websocket"));
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("Invalid transport.provider in the user config: 'websocket'"), outcome.err());
        assertTrue(cli.run("serve", "--transport", "streamable-http").exit() == 0, "the command line wins");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNamingWhereItCameFrom() {
        Cli.Outcome option = cli.run("serve", "--port", "70000");
        assertEquals(2, option.exit(), option.err());
        assertTrue(option.err().contains("--port: 70000 is not a TCP port (0 to 65535; 0 takes a free one)"),
                option.err());
        project.userConfig = Map.of("transport", Map.of("http", Map.of("port", -1)));
        assertTrue(cli.run("serve").err().contains("transport.http.port in the user config: -1 is not a TCP port"));
        assertNull(mcp.served);
    }

    @Test
    void aPolicyConditionThatDoesNotCompileIsServedWithAWarning() {
        project.withTool("guarded", "tools/guarded.yml").invalidButServable("tools/guarded.yml",
                "Policy input[0] condition 'who = 1' does not compile: Syntax error");
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(mcp.served.endpoints().stream().anyMatch(endpoint -> endpoint.identifier().equals("guarded")),
                "the endpoint is served, its rule counting as false");
    }

    @Test
    void invalidEndpointsStopTheStartListingThem() {
        project.withTool("bad", "tools/bad.yml").invalid("tools/bad.yml", "Parameter mismatch: missing=['x']");
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(1, outcome.exit());
        assertNull(mcp.served);
        assertEquals(0, project.servingReported, "a server that does not start is never reported up");
        assertTrue(outcome.err().contains("Found 1 endpoint(s) with errors"), outcome.err());
        assertTrue(outcome.err().contains("✗ tools/bad.yml\n    Error: Parameter mismatch: missing=['x']"), outcome.err());
        assertTrue(outcome.err().contains("--ignore-errors"), outcome.err());

        Cli.Outcome json = cli.run("serve", "--json-output");
        assertEquals("""
                {
                  "status": "error",
                  "message": "Found 1 endpoint(s) with errors",
                  "failed_endpoints": [
                    {
                      "path": "tools/bad.yml",
                      "error": "Parameter mismatch: missing=['x']"
                    }
                  ]
                }
                """, json.out());
    }

    @Test
    void aBusyPortOrAnUnusableAdminSocketStopsTheStartBeforeTheRuntimeStarts() throws IOException {
        mcp.portTaken = "Cannot listen on localhost:8123: Address already in use";
        project.userConfig.put("logging", Map.of("path", "logs/mxcp.log"));
        Cli.Outcome busy = cli.run("serve", "--port", "8123");
        assertEquals(1, busy.exit());
        assertTrue(busy.err().contains("Error: Cannot listen on localhost:8123: Address already in use"), busy.err());
        assertTrue(Files.readString(root.resolve("logs/mxcp.log")).contains(" - ERROR - io.mxcp.cli.command.ServeCommand"
                + " - Command failed: Cannot listen on localhost:8123: Address already in use"), "an operator reading "
                + "only the log file sees why the server did not start");
        project.userConfig.remove("logging");
        assertEquals(8123, mcp.checkedPort.port());
        assertEquals(0, project.runtimeInitializations, "found before the runtime (Python, DuckDB) starts");
        assertNull(mcp.served);
        mcp.portTaken = null;

        Path inTheWay = Files.writeString(root.resolve("not-a-folder"), "");
        cli.environment.put("MXCP_ADMIN_ENABLED", "true");
        cli.environment.put("MXCP_ADMIN_SOCKET", inTheWay.resolve("mxcp.sock").toString());
        Cli.Outcome outcome = cli.run("serve", "--port", "0");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.err().contains("Error: Cannot open the admin socket " + inTheWay.resolve("mxcp.sock") + ": "
                + inTheWay + ": exists and is not a directory"), outcome.err());
        assertEquals(0, project.runtimeInitializations);
        assertNull(mcp.served);
    }

    @Test
    void aProjectWithoutEndpointFilesIsServedAndTheBannerSaysSo() {
        project.endpoints.clear();
        project.withBuiltInTool("execute_sql_query");
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(mcp.served != null, "served: the built-in SQL tools, or nothing until a reload adds endpoints");
        assertTrue(outcome.err().contains("⚠️  No endpoints found!"), outcome.err());
        assertFalse(outcome.err().contains("Skipped endpoints"), outcome.err());
    }

    @Test
    void ignoreErrorsServesTheValidEndpointsOnly() {
        project.withTool("bad", "tools/bad.yml").invalid("tools/bad.yml", "broken");
        List<String> logged;
        Cli.Outcome outcome;
        try (LogCapture log = LogCapture.of(ServeCommand.class)) {
            outcome = cli.run("serve", "--ignore-errors");
            logged = log.messages();
        }
        assertEquals(2, logged.size(), logged.toString());
        assertEquals("Failed to load endpoint tools/bad.yml: broken", logged.get(0), "why each file is skipped");
        assertEquals("mxcp 0.1.0 (pid " + ProcessHandle.current().pid() + ") serving project demo (profile default) at "
                + "http://localhost:8000/mcp", logged.get(1), "the log's start line");
        assertEquals(0, outcome.exit(), outcome.err());
        List<String> served = mcp.served.endpoints().stream().map(DiscoveredEndpoint::identifier).toList();
        assertEquals(List.of("hello_world"), served);
        EndpointException hidden = assertThrows(EndpointException.class,
                () -> mcp.served.execute(EndpointKind.TOOL, "bad", Map.of(), null));
        assertEquals("Endpoint 'bad' not found in tools", hidden.getMessage());
        assertTrue(outcome.err().contains("Skipped endpoints: 1"), outcome.err());
    }

    @Test
    void sqlToolsOptionIsHandedToTheCoreAndOverridesTheSiteInTheBanner() {
        project.siteConfig = Map.of("sql_tools", Map.of("enabled", false));
        for (String notAChoice : List.of("TRUE", "yes", "maybe")) {
            Cli.Outcome refused = cli.run("serve", "--sql-tools", notAChoice);
            assertEquals(2, refused.exit(), notAChoice);
            assertTrue(refused.err().contains("'" + notAChoice + "' is not one of 'true', 'false'"), refused.err());
        }
        Cli.Outcome enabled = cli.run("serve", "--sql-tools", "true");
        assertEquals(Boolean.TRUE, cli.services.openedWith.get(0).sqlTools());
        assertTrue(enabled.err().contains("SQL Tools: Enabled"), enabled.err());

        Cli.Outcome disabled = cli.run("serve", "--sql-tools", "false");
        assertEquals(Boolean.FALSE, cli.services.openedWith.get(1).sqlTools());
        assertTrue(disabled.err().contains("SQL Tools: Disabled"), disabled.err());

        project.siteConfig = Map.of("sql_tools", Map.of("enabled", true));
        Cli.Outcome site = cli.run("serve");
        assertNull(cli.services.openedWith.get(2).sqlTools(), "no override: the core follows the site");
        assertTrue(site.err().contains("SQL Tools: Enabled"), site.err());
    }

    @Test
    void builtInSqlToolsAreNotCountedAsEndpointFiles() {
        project.withBuiltInTool("execute_sql_query");
        Cli.Outcome outcome = cli.run("serve");
        assertTrue(outcome.err().contains("  Tools: 1\n"), outcome.err());
    }

    @Test
    void missingMcpBundleIsAClearError() {
        cli.services.mcpServer = null;
        Cli.Outcome outcome = cli.run("serve");
        assertEquals(1, outcome.exit());
        assertEquals("Error: MCP server bundle is not installed\n", outcome.err());
        assertTrue(project.closed);
        assertFalse(mcp.closed);
    }

    @Test
    void terminateAndInterruptCloseTheServerAndTheCommandSucceedsHangupReloads() throws Exception {
        for (ProcessSignal stop : List.of(ProcessSignal.TERMINATE, ProcessSignal.INTERRUPT)) {
            FakeProject first = new FakeProject(root).withTool("hello_world", "tools/hello.yml");
            cli.services.project = first;
            mcp = new RecordingServer();
            mcp.runsUntilClosed = true;
            cli.services.mcpServer = mcp;
            CompletableFuture<Cli.Outcome> serving = CompletableFuture.supplyAsync(() -> cli.run("serve"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cli.services.signalHandlers.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(3, cli.services.signalHandlers.size(),
                    "serve registers its stop handler, and for SIGHUP its log file's and the reload's");

            FakeProject reloaded = new FakeProject(root).withTool("hello_world", "tools/hello.yml");
            cli.services.project = reloaded;
            cli.services.signal(ProcessSignal.HANGUP);
            while (reloaded.runtimeInitializations == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, reloaded.runtimeInitializations, "SIGHUP reloads");
            assertTrue(first.closed, "the old runtime is shut down");
            assertEquals("default", cli.services.openedWith.get(cli.services.openedWith.size() - 1).profile(),
                    "the reload reads the files for the profile active at start");
            assertFalse(mcp.closed, "SIGHUP is not a stop");
            assertFalse(serving.isDone());

            cli.services.signal(stop);
            Cli.Outcome outcome = serving.get(10, TimeUnit.SECONDS);
            assertEquals(0, outcome.exit(), outcome.err());
            assertTrue(mcp.closed && reloaded.closed, stop.name() + ": the server and the project served last close");
            assertTrue(outcome.err().contains("👋 Server stopped"), outcome.err());
            assertTrue(cli.services.signalHandlers.isEmpty(), "the handlers go with the command");
        }
    }
}
