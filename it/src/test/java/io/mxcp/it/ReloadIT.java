package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.McpHttpClient.ToolOutcome;

/**
 * `mxcp serve` reloading on SIGHUP (spec 03 §5, with our endpoint re-registration): a rotated file:// secret and an
 * added tool file are picked up, connected clients hear that the tool list changed (a legacy session on its GET
 * stream, a 2026-07-28 listen stream that asked for it), a call running during the reload completes and one
 * arriving meanwhile waits for the new configuration; subscribers of a resource hear that it was updated; a broken
 * mxcp-site.yml leaves the old configuration serving and says why; a SIGHUP while the server starts is not lost.
 */
class ReloadIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** GraalPy's first context takes seconds, and more on a loaded machine. */
    private static final Duration PYTHON_START_LIMIT = Duration.ofSeconds(180);
    /** What the server logs when a reload starts holding calls back. */
    private static final String DRAINING = "Reloading: new calls wait until the running ones have finished";

    private static Mxcp mxcp;
    private static Path work;
    private static Path project;
    /** A second project, whose start-up (a Python on_init hook) waits for this pipe until the test writes to it. */
    private static Path slowStarting;
    private static PipeGate startGate;
    private static Path slowProxyFile;
    private static Path proxyFile;
    private static Path motdFile;
    private static PipeGate gate;
    private static int port;
    private static ServerProcess server;
    private static McpHttpClient client;

    @BeforeAll
    static void serve() throws Exception {
        work = Distribution.freshWorkFolder(ReloadIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = Files.createDirectories(work.resolve("project"));
        proxyFile = work.resolve("proxy.txt");
        gate = PipeGate.create(work.resolve("gate.fifo"));
        Files.writeString(proxyFile, "http://proxy-1:3128\n");
        slowProxyFile = work.resolve("slow-proxy.txt");
        Files.writeString(slowProxyFile, "http://proxy-early:3128\n");
        motdFile = work.resolve("motd.txt");
        Files.writeString(motdFile, "first");
        write(project.resolve("mxcp-site.yml"), "mxcp: 1\nproject: reloading\nprofile: default\n");
        write(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                projects:
                  reloading:
                    profiles:
                      default:
                        secrets:
                          - {name: api, type: http, parameters: {HTTP_PROXY: "file://%s"}}
                  slow_starting:
                    profiles:
                      default:
                        secrets:
                          - {name: api, type: http, parameters: {HTTP_PROXY: "file://%s"}}
                """.formatted(proxyFile, slowProxyFile));
        startGate = PipeGate.create(work.resolve("start-gate.fifo"));
        slowStarting = Files.createDirectories(work.resolve("slow-starting"));
        write(slowStarting.resolve("mxcp-site.yml"), "mxcp: 1\nproject: slow_starting\nprofile: default\n");
        write(slowStarting.resolve("python/gate.py"), """
                import os
                from mxcp.runtime import on_init

                PASSED = "%s"

                @on_init
                def wait_for_the_test():
                    if not os.path.exists(PASSED):
                        with open("%s") as gate:
                            gate.read()
                        open(PASSED, "w").close()

                def gatekeeper() -> str:
                    return "passed"
                """.formatted(work.resolve("gate-passed"), work.resolve("start-gate.fifo")));
        write(slowStarting.resolve("tools/gatekeeper.yml"), """
                mxcp: 1
                tool:
                  name: gatekeeper
                  language: python
                  return: {type: string}
                  source: {file: ../python/gate.py}
                """);
        write(project.resolve("tools/proxy.yml"), tool("proxy", "The api secret as DuckDB holds it",
                "SELECT secret_string FROM duckdb_secrets() WHERE name = 'api'"));
        write(project.resolve("tools/hello.yml"), tool("hello", "Greets", "SELECT 'hello' AS greeting"));
        write(slowStarting.resolve("tools/proxy.yml"), tool("proxy", "The api secret as DuckDB holds it",
                "SELECT secret_string FROM duckdb_secrets() WHERE name = 'api'"));
        write(project.resolve("tools/wait_for_gate.yml"), tool("wait_for_gate", "Waits for the gate to open",
                gate.waitingSql()));
        write(project.resolve("resources/motd.yml"), """
                mxcp: 1
                resource:
                  uri: motd://today
                  description: The message of the day, from a file a data refresh rewrites
                  return: {type: string}
                  source:
                    code: "SELECT content FROM read_text('%s')"
                """.formatted(motdFile));

        port = FreePort.find();
        server = mxcp.serve(project, port);
        client = new McpHttpClient(port);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        Leftovers.assertNone(mxcp);
    }

    private static String tool(String name, String description, String sql) {
        return """
                mxcp: 1
                tool:
                  name: %s
                  description: %s
                  return: {type: string}
                  source:
                    code: "%s"
                """.formatted(name, description, sql);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String success(String tool) {
        ToolOutcome outcome = client.callTool(tool, Map.of());
        assertNotNull(outcome.successText(), () -> tool + ": " + outcome + "\n" + server.describe());
        return outcome.successText();
    }

    private static long count(String text) {
        return server.stderr().lines().filter(line -> line.contains(text)).count();
    }

    /** Sends SIGHUP and waits for the reload's outcome line (one more {@code outcome} line than before). */
    private static void reloadAndAwait(String outcome) {
        long before = count(outcome);
        server.signal("HUP");
        Poll.until(LIMIT, "the log line '" + outcome + "' after SIGHUP", () -> count(outcome) > before ? true : null,
                server::describe);
    }

    @Test
    void sighupPicksUpTheRotatedSecretAndTheAddedToolAndTellsTheClients() throws Exception {
        McpStreams streams = new McpStreams(port);
        String session = streams.legacySession();
        try (McpStreams.EventStream legacy = streams.legacyStream(session);
                McpStreams.EventStream listen = streams.listen("listen-tools", Map.of("toolsListChanged", true))) {
            JsonNode acknowledged = listen.next(LIMIT);
            assertNotNull(acknowledged, "no acknowledgement on the listen stream");
            assertEquals("notifications/subscriptions/acknowledged", acknowledged.path("method").asText());
            // other tests reload too: the secret as served now, whichever ran before
            assertFalse(success("proxy").contains("http_proxy=http://proxy-2:3128"), success("proxy"));

            CompletableFuture<ToolOutcome> running = CompletableFuture.supplyAsync(
                    () -> client.callTool("wait_for_gate", Map.of()));
            OutputStream gateWriter = gate.awaitCall(LIMIT);
            Files.writeString(proxyFile, "http://proxy-2:3128\n");
            write(project.resolve("tools/added.yml"), tool("added", "Added while serving", "SELECT 'new' AS n"));
            long reloads = count("Reload complete");
            long drains = count(DRAINING);
            server.signal("HUP");
            Poll.until(LIMIT, "the reload to hold calls back", () -> count(DRAINING) > drains ? true : null,
                    server::describe);
            CompletableFuture<ToolOutcome> arriving = CompletableFuture.supplyAsync(() -> client.callTool("hello", Map.of()));
            Thread.sleep(1000);
            assertFalse(arriving.isDone(), "a call arriving while the reload drains waits");
            assertFalse(running.isDone());
            assertEquals(reloads, count("Reload complete"), "the reload waits for the running call");

            try (gateWriter) {
                gateWriter.write("opened\n".getBytes(StandardCharsets.UTF_8));
            }
            ToolOutcome finished = running.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("opened\n", finished.successText(), () -> finished + "\n" + server.describe());
            assertEquals("hello", arriving.get(LIMIT.toSeconds(), TimeUnit.SECONDS).successText());
            Poll.until(LIMIT, "Reload complete", () -> count("Reload complete") > reloads ? true : null, server::describe);

            assertEquals("new", success("added"));
            assertTrue(success("proxy").contains("http_proxy=http://proxy-2:3128"), success("proxy"));
            JsonNode listed = streams.legacyRequest(session, 2, "tools/list", Map.of());
            assertTrue(listed.at("/result/tools").toString().contains("\"name\":\"added\""), listed.toString());

            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}",
                    String.valueOf(legacy.next(LIMIT)));
            JsonNode changed = listen.next(LIMIT);
            assertNotNull(changed, "no list_changed on the listen stream");
            assertEquals("notifications/tools/list_changed", changed.path("method").asText());
            assertEquals("listen-tools", changed.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
            assertNull(legacy.next(Duration.ofMillis(300)), "only the tool list changed");
        }
    }

    @Test
    void aSighupWhileTheServerStartsReloadsItOnceItServes() throws Exception {
        int slowPort = FreePort.find();
        Mxcp withPython = new Mxcp(PythonProject.home(), work);
        try (ServerProcess starting = withPython.start(slowStarting, "serve", "--port", Integer.toString(slowPort))) {
            // the secret was read as the project opened; its on_init hook holds the start-up meanwhile
            OutputStream gateWriter = startGate.awaitCall(PYTHON_START_LIMIT);
            Files.writeString(slowProxyFile, "http://proxy-late:3128\n");
            starting.signal("HUP");
            try (gateWriter) {
                gateWriter.write("go\n".getBytes(StandardCharsets.UTF_8));
            }
            starting.awaitHealthy(slowPort, PYTHON_START_LIMIT);
            Poll.until(PYTHON_START_LIMIT, "Reload complete",
                    () -> starting.stderr().contains("Reload complete") ? true : null, starting::describe);
            assertTrue(starting.stderr().contains("A SIGHUP received while the command was starting was handed to it now"),
                    starting::describe);
            String served = new McpHttpClient(slowPort).callTool("proxy", Map.of()).successText();
            assertTrue(served != null && served.contains("http_proxy=http://proxy-late:3128"),
                    () -> served + "\n" + starting.describe());
        }
        Leftovers.assertNone(withPython);
    }

    @Test
    void subscribersOfAResourceHearItWasUpdatedByAReload() throws Exception {
        McpStreams streams = new McpStreams(port);
        String session = streams.legacySession();
        JsonNode subscribed = streams.legacyRequest(session, 2, "resources/subscribe", Map.of("uri", "motd://today"));
        assertEquals("{}", subscribed.path("result").toString(), subscribed.toString());
        try (McpStreams.EventStream legacy = streams.legacyStream(session);
                McpStreams.EventStream listen = streams.listen("listen-motd",
                        Map.of("resourceSubscriptions", List.of("motd://today", "motd://unknown")))) {
            JsonNode acknowledged = listen.next(LIMIT);
            assertNotNull(acknowledged, "no acknowledgement on the listen stream");
            assertEquals("[\"motd://today\"]", acknowledged.at("/params/notifications/resourceSubscriptions").toString());

            Files.writeString(motdFile, "refreshed");
            reloadAndAwait("Reload complete");

            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
                    + "\"params\":{\"uri\":\"motd://today\"}}", String.valueOf(legacy.next(LIMIT)));
            JsonNode updated = listen.next(LIMIT);
            assertNotNull(updated, "no update on the listen stream");
            assertEquals("notifications/resources/updated", updated.path("method").asText());
            assertEquals("motd://today", updated.at("/params/uri").asText());
            assertEquals("listen-motd", updated.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
            JsonNode read = streams.legacyRequest(session, 3, "resources/read", Map.of("uri", "motd://today"));
            assertTrue(read.at("/result/contents/0/text").asText().contains("refreshed"), read.toString());
        }
    }

    @Test
    void aBrokenSiteFileAtReloadKeepsTheOldConfigurationServingAndSaysWhy() throws Exception {
        Path site = project.resolve("mxcp-site.yml");
        String good = Files.readString(site);
        String proxy = success("proxy");
        String proxyBefore = Files.readString(proxyFile);
        try {
            Files.writeString(site, "mxcp: 1\nproject: reloading\nprofile: [default\n");
            Files.writeString(proxyFile, "http://proxy-rotated-in-vain:3128\n");
            write(project.resolve("tools/never.yml"), tool("never", "Never served", "SELECT 1"));
            reloadAndAwait("Reload failed, the previous configuration keeps serving: ");
            String failure = server.stderr().lines()
                    .filter(line -> line.contains("Reload failed, the previous configuration keeps serving: ")).reduce((a, b) -> b)
                    .orElseThrow();
            assertTrue(failure.contains("mxcp-site.yml"), failure);

            assertEquals(proxy, success("proxy"), "the secret as resolved before");
            String unknown = client.callTool("never", Map.of()).failureText();
            assertTrue(unknown.contains("Unknown tool: never"), "the tool list as before: " + unknown);
            assertEquals("hello", success("hello"));
        } finally {
            Files.writeString(site, good);
            Files.writeString(proxyFile, proxyBefore);
            Files.deleteIfExists(project.resolve("tools/never.yml"));
        }
        assertTrue(server.isAlive(), server::describe);
    }
}
