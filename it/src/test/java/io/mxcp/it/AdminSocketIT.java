package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mxcp.it.AdminSocket.Answer;
import io.mxcp.it.McpHttpClient.ToolOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The admin socket of `mxcp serve` (spec 03 §4) through the distribution: owner-only Unix socket, status, the endpoint
 * list, a reload requested over it and seen done in the status, and the socket gone when the server stops; the
 * system metrics of the server's process, the OpenAPI document, and a call in flight counted in /status.
 */
class AdminSocketIT {

    private static final Path WORK = Distribution.freshWorkFolder(AdminSocketIT.class);
    private static final Mxcp MXCP = new Mxcp(Distribution.home(), WORK);

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(MXCP);
    }

    @Test
    void statusEndpointsBundlesAndAReloadOverTheSocket() throws IOException {
        Mxcp mxcp = new Mxcp(Distribution.privateHome(WORK.resolve("home")), WORK);
        Files.writeString(mxcp.home().resolve("deploy/notes.jar"), "a text file named like a plugin");
        Path project = mxcp.bootstrap(WORK, "administered");
        Path socket = AdminSocket.freshPath();
        int port = FreePort.find();
        try (ServerProcess server = mxcp.start(project, Map.of("MXCP_ADMIN_ENABLED", "true", "MXCP_ADMIN_SOCKET",
                socket.toString()), "serve", "--port", Integer.toString(port))) {
            server.awaitHealthy(port, Duration.ofSeconds(60));
            AdminSocket.await(socket, server);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));

            Answer status = AdminSocket.request(socket, "GET", "/status");
            assertEquals(200, status.status(), status::toString);
            assertEquals("ok", status.body().path("status").asText(), status::toString);
            assertEquals("default", status.body().path("profile").asText(), status::toString);
            assertEquals(server.pid(), status.body().path("pid").asLong(), status::toString);
            assertEquals(socket.toString(), status.body().at("/admin_socket/path").asText(), status::toString);

            Answer endpoints = AdminSocket.request(socket, "GET", "/endpoints");
            assertEquals("hello_world", endpoints.body().at("/endpoints/0/name").asText(), endpoints::toString);
            assertEquals("ok", endpoints.body().at("/endpoints/0/status").asText(), endpoints::toString);

            Answer bundles = AdminSocket.request(socket, "GET", "/bundles");
            assertEquals(mxcp.home().resolve("deploy").toString(), bundles.body().path("deploy_folder").asText(),
                    bundles::toString);
            JsonNode core = null;
            for (JsonNode bundle : bundles.body().path("bundles")) {
                core = "mxcp-core".equals(bundle.path("symbolic_name").asText()) ? bundle : core;
            }
            assertNotNull(core, bundles::toString);
            assertEquals("active", core.path("state").asText(), bundles::toString);
            assertEquals("bundles", core.path("source").asText(), bundles::toString);
            assertEquals("mxcp-core.jar", core.path("file").asText(), bundles::toString);
            JsonNode refused = bundles.body().path("bundles").get(bundles.body().path("bundles").size() - 1);
            assertEquals("refused", refused.path("state").asText(), bundles::toString);
            assertEquals("notes.jar", refused.path("file").asText(), bundles::toString);
            assertTrue(refused.path("problem").asText().startsWith("not a bundle jar"), bundles::toString);

            Answer reload = AdminSocket.request(socket, "POST", "/reload");
            assertEquals("reload_initiated", reload.body().path("status").asText(), reload::toString);
            Poll.until(Duration.ofSeconds(30), "the reload to be reported done in /status", () -> {
                JsonNode state = AdminSocket.request(socket, "GET", "/status").body().path("reload");
                return "success".equals(state.path("last_reload_status").asText(null)) ? state : null;
            }, server::describe);

            assertEquals(404, AdminSocket.request(socket, "GET", "/nowhere").status());
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server::describe);
            assertFalse(Files.exists(socket), "the socket file is removed when the server stops");
        } finally {
            Files.deleteIfExists(socket.getParent());
        }
    }

    @Test
    void systemMetricsTheApiDocumentAndTheCallsRunningOverTheSocket() throws Exception {
        Path project = MXCP.bootstrap(WORK, "metered");
        PipeGate gate = PipeGate.create(WORK.resolve("gate.fifo"));
        Files.writeString(project.resolve("tools/wait_for_gate.yml"), """
                mxcp: 1
                tool:
                  name: wait_for_gate
                  description: Waits for the gate to open
                  return: {type: string}
                  source:
                    code: "%s"
                """.formatted(gate.waitingSql()));
        Path socket = AdminSocket.freshPath();
        int port = FreePort.find();
        try (ServerProcess server = MXCP.start(project, Map.of("MXCP_ADMIN_ENABLED", "true", "MXCP_ADMIN_SOCKET",
                socket.toString()), "serve", "--port", Integer.toString(port))) {
            server.awaitHealthy(port, Duration.ofSeconds(60));
            AdminSocket.await(socket, server);

            JsonNode memory = AdminSocket.request(socket, "GET", "/system/memory").body();
            assertTrue(memory.path("total_bytes").asLong() > 0, memory::toString);
            assertTrue(memory.path("available_bytes").asLong() <= memory.path("total_bytes").asLong(),
                    memory::toString);
            assertTrue(memory.path("percent").asDouble() >= 0 && memory.path("percent").asDouble() <= 100,
                    memory::toString);
            assertTrue(memory.path("mxcp_process_rss_bytes").asLong() > 0, memory::toString);

            JsonNode process = AdminSocket.request(socket, "GET", "/system/process").body();
            assertEquals(server.pid(), process.path("pid").asLong(), process::toString);
            assertTrue(process.path("num_threads").asInt() > 1, process::toString);
            assertTrue(process.path("num_fds").asInt() > 0, process::toString);
            assertTrue(process.path("memory_rss_bytes").asLong() > 0, process::toString);
            assertTrue(process.path("cpu_percent").asDouble() >= 0, process::toString);

            Answer openapi = AdminSocket.request(socket, "GET", "/openapi.json");
            assertEquals(200, openapi.status(), openapi::toString);
            assertEquals("3.1.0", openapi.body().path("openapi").asText(), openapi::toString);
            assertEquals("MXCP Admin API", openapi.body().at("/info/title").asText(), openapi::toString);
            assertEquals("1.0.0", openapi.body().at("/info/version").asText(), openapi::toString);
            assertTrue(openapi.body().at("/paths/~1system~1process/get/summary").isTextual(), openapi::toString);
            assertTrue(openapi.body().at("/paths/~1reload/post").isObject(), openapi::toString);

            assertEquals(0, activeRequests(socket));
            McpHttpClient client = new McpHttpClient(port);
            CompletableFuture<ToolOutcome> running = CompletableFuture.supplyAsync(
                    () -> client.callTool("wait_for_gate", Map.of()));
            try (OutputStream gateWriter = gate.awaitCall(Duration.ofSeconds(30))) {
                assertEquals(1, activeRequests(socket), server::describe);
                gateWriter.write("opened\n".getBytes(StandardCharsets.UTF_8));
            }
            ToolOutcome finished = running.get(30, TimeUnit.SECONDS);
            assertEquals("opened\n", finished.successText(), () -> finished + "\n" + server.describe());
            Poll.until(Duration.ofSeconds(10), "no call running in /status", () -> activeRequests(socket) == 0
                    ? true : null, server::describe);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }

    private static int activeRequests(Path socket) {
        return AdminSocket.request(socket, "GET", "/status").body().at("/reload/active_requests").asInt(-1);
    }
}
