package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.AuditRecordBuilder;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.output.Json;
import io.mxcp.cli.serve.ReloadStatus;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.model.EndpointKind;

class AdminSocketTest {

    private Path folder;
    private Path socket;
    private FakeProject project;
    private ReloadStatus reloadStatus = new ReloadStatus(ReloadStatus.Phase.IDLE, 0, null);
    private final AtomicInteger reloads = new AtomicInteger();
    private AdminSocket admin;

    /** Status line and parsed JSON body of one answer. */
    record Answer(String head, Object body) {
        int status() {
            return Integer.parseInt(head.split(" ")[1]);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        // Unix socket paths are limited to ~100 bytes: a short folder of /tmp rather than @TempDir's
        folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        socket = folder.resolve("run/mxcp.sock");
        project = new FakeProject(folder);
        project.withTestedTool("hello", "tools/hello.yml", List.of())
                .withBrokenFile(EndpointKind.PROMPT, "prompts/bad.yml", "bad yaml");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (admin != null) {
            admin.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void start() throws IOException {
        admin = AdminSocket.start(new AdminContext("1.2.3", Instant.now().minusSeconds(3725), true, socket,
                "streamable-http", true, () -> project, () -> reloadStatus, reloads::incrementAndGet));
    }

    private Answer send(String request) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            while (channel.read(buffer) >= 0) {
                // the server closes after its answer
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            assertTrue(head.contains("Content-Type: application/json"), head);
            assertTrue(head.contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length), head);
            assertTrue(head.contains("Connection: close"), head);
            return new Answer(head, Json.parse(body));
        }
    }

    private Answer get(String target) throws Exception {
        return send("GET " + target + " HTTP/1.1\r\nHost: anything\r\n\r\n");
    }

    @Test
    void socketIsOwnerOnlyAndRemovedOnClose() throws Exception {
        start();
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(socket));
        admin.close();
        admin = null;
        assertFalse(Files.exists(socket));
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "left over");
        start();
        assertEquals(200, get("/health").status());
    }

    @Test
    void failureToStartNamesTheSocket() throws Exception {
        Files.writeString(folder.resolve("run"), "a file, not a folder");
        IOException failure = assertThrows(IOException.class, this::start);
        assertTrue(failure.getMessage().contains(socket.toString()), failure.getMessage());
    }

    @Test
    void rootAndHealth() throws Exception {
        start();
        assertEquals(Map.of("service", "mxcp-admin", "version", "1.2.3", "docs", "/docs", "openapi", "/openapi.json"),
                get("/").json());
        Map<String, Object> health = get("/health").json();
        assertEquals("ok", health.get("status"));
        assertTrue(String.valueOf(health.get("timestamp")).endsWith("Z"));
    }

    @Test
    void statusReportsServerAndReloads() throws Exception {
        reloadStatus = new ReloadStatus(ReloadStatus.Phase.DRAINING, 2,
                new ReloadStatus.Outcome(Instant.parse("2025-01-02T03:04:05Z"), false, "bad config"));
        start();
        Map<String, Object> status = get("/status").json();
        assertEquals("ok", status.get("status"));
        assertEquals("1.2.3", status.get("version"));
        assertTrue(String.valueOf(status.get("uptime")).startsWith("1h2m"), String.valueOf(status.get("uptime")));
        assertTrue(((Number) status.get("uptime_seconds")).longValue() >= 3725);
        assertEquals(ProcessHandle.current().pid(), ((Number) status.get("pid")).longValue());
        assertEquals("default", status.get("profile"));
        assertEquals("readwrite", status.get("mode"));
        assertEquals(true, status.get("debug"));
        assertEquals(Map.of("in_progress", true, "draining", true, "active_requests", 2,
                "last_reload", "2025-01-02T03:04:05Z", "last_reload_status", "error", "last_reload_error", "bad config"),
                status.get("reload"));
        assertEquals(Map.of("path", socket.toString()), status.get("admin_socket"));
    }

    @Test
    void postReloadQueuesAReload() throws Exception {
        start();
        Answer answer = send("POST /reload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        assertEquals(200, answer.status());
        assertEquals(1, reloads.get());
        Map<String, Object> body = answer.json();
        assertEquals("reload_initiated", body.get("status"));
        assertEquals("Reload request queued. Use GET /status to check progress.", body.get("message"));
        assertNotNull(UUID.fromString(String.valueOf(body.get("reload_request_id"))));
    }

    @Test
    void configHasMetadataOnly() throws Exception {
        project.readOnly = true;
        project.userConfig = Map.of("projects", Map.of("demo", Map.of("profiles", Map.of("default",
                Map.of("telemetry", Map.of("enabled", true), "secrets", List.of(Map.of("name", "s")))))));
        start();
        Map<String, Object> config = get("/config").json();
        assertEquals("demo", config.get("project"));
        assertEquals(folder.toString(), config.get("repository_path"));
        assertEquals(folder.resolve("data/db-default.duckdb").toString(), config.get("duckdb_path"));
        assertEquals(true, config.get("readonly"));
        assertEquals(Map.of("tools", 1, "prompts", 0, "resources", 0), config.get("endpoints"));
        assertEquals(Map.of("sql_tools", true, "audit_logging", false, "telemetry", true), config.get("features"));
        assertEquals("streamable-http", config.get("transport"));
        assertFalse(Json.compact(config).contains("secrets"));
    }

    @Test
    void endpointsAreDiscoveredAtEachCall() throws Exception {
        start();
        project.withBuiltInTool("execute_sql_query");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) get("/endpoints").json().get("endpoints");
        assertEquals(2, endpoints.size());
        Map<String, Object> tool = endpoints.get(0);
        assertEquals("tools/hello.yml", tool.get("path"));
        assertEquals("tool", tool.get("type"));
        assertEquals("hello", tool.get("name"));
        assertEquals("sql", tool.get("language"));
        assertEquals(true, tool.get("enabled"));
        assertEquals("ok", tool.get("status"));
        Map<String, Object> broken = endpoints.get(1);
        assertEquals("error", broken.get("status"));
        assertEquals(false, broken.get("enabled"));
        assertNull(broken.get("type"));
        assertEquals("bad yaml", broken.get("error"));
    }

    @Test
    void auditQueryFiltersPagesAndShapesRecords() throws Exception {
        project.audit.enabled = true;
        project.audit.records.add(AuditRecordBuilder.call("r1", "tool", "hello", "2025-01-01T10:00:00Z").build());
        project.audit.records.add(AuditRecordBuilder.call("r2", "tool", "hello", "2025-01-01T11:00:00Z")
                .data(Map.of("x", 1), "out").build());
        project.audit.records.add(AuditRecordBuilder.call("r3", "prompt", "p", "2025-01-01T12:00:00Z").build());
        start();
        Map<String, Object> body = get("/audit/query?operation_type=tool&limit=1&offset=1").json();
        assertEquals(1, body.get("count"));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = ((List<Map<String, Object>>) body.get("records")).get(0);
        assertEquals("r1", record.get("record_id"));
        assertEquals("2025-01-01T10:00:00+00:00", record.get("timestamp"));
        assertNull(record.get("input_data"));
        assertNull(record.get("business_context"));
        assertFalse(record.containsKey("record_hash"));
        assertEquals(2, get("/audit/query?start_time=2025-01-01T10:30:00Z").json().get("count"));
        assertEquals(0, get("/audit/query?schema_name=other").json().get("count"));
    }

    @Test
    void auditQueryRejectsBadParameters() throws Exception {
        start();
        Answer answer = get("/audit/query?limit=0");
        assertEquals(422, answer.status());
        assertTrue(answer.json().get("detail") instanceof List<?>);
        assertEquals(422, get("/audit/query?start_time=yesterday").status());
    }

    @Test
    void auditDisabledAnswersEmpty() throws Exception {
        start();
        assertEquals(Map.of("records", List.of(), "count", 0), get("/audit/query").json());
        Map<String, Object> stats = get("/audit/stats").json();
        assertEquals(0, stats.get("total_records"));
        assertNull(stats.get("earliest_timestamp"));
    }

    @Test
    void auditStatsCounts() throws Exception {
        project.audit.enabled = true;
        project.audit.records.add(AuditRecordBuilder.call("r1", "tool", "a", "2025-01-01T10:00:00Z").policy("allow")
                .build());
        project.audit.records.add(AuditRecordBuilder.call("r2", "tool", "a", "2025-01-01T11:00:00Z").failed("x")
                .build());
        project.audit.records.add(AuditRecordBuilder.call("r3", "resource", "u", "2025-01-01T12:00:00Z").build());
        start();
        Map<String, Object> stats = get("/audit/stats").json();
        assertEquals(3, stats.get("total_records"));
        assertEquals(Map.of("resource", 1, "tool", 2), stats.get("by_type"));
        assertEquals(Map.of("error", 1, "success", 2), stats.get("by_status"));
        assertEquals(Map.of("allow", 1), stats.get("by_policy"));
        assertEquals("2025-01-01T10:00:00+00:00", stats.get("earliest_timestamp"));
        assertEquals("2025-01-01T12:00:00+00:00", stats.get("latest_timestamp"));
    }

    @Test
    void routeFailureIs500NamingWhatFailed() throws Exception {
        project.audit.enabled = true;
        project.audit.failure = new ProjectException("disk gone");
        start();
        Answer answer = get("/audit/stats");
        assertEquals(500, answer.status());
        assertEquals(Map.of("detail", "Failed to get audit stats: disk gone"), answer.json());
    }

    @Test
    void unknownRouteAndWrongMethod() throws Exception {
        start();
        Answer missing = get("/nowhere");
        assertEquals(404, missing.status());
        assertEquals(Map.of("detail", "Not Found"), missing.json());
        Answer wrong = get("/reload");
        assertEquals(405, wrong.status());
        assertEquals(Map.of("detail", "Method Not Allowed"), wrong.json());
        assertEquals(0, reloads.get());
    }

    @Test
    void malformedRequestIs400() throws Exception {
        start();
        assertEquals(400, send("nonsense\r\n\r\n").status());
    }
}
