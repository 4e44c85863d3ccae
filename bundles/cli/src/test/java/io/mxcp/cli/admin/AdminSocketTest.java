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
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.admin.AdminClient.Answer;
import io.mxcp.cli.admin.host.ProcFs;
import io.mxcp.cli.context.InstalledBundle;
import io.mxcp.cli.fakes.AuditRecordBuilder;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.output.Json;
import io.mxcp.cli.serve.ReloadStatus;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.model.EndpointKind;

class AdminSocketTest {

    private Path folder;
    private Path socket;
    private FakeProject project;
    private ReloadStatus reloadStatus = new ReloadStatus(ReloadStatus.Phase.IDLE, 0, null);
    private volatile boolean stopping;
    private final AtomicInteger reloads = new AtomicInteger();
    private final List<InstalledBundle> bundles = List.of(
            new InstalledBundle("org.apache.felix.framework", "7.0.5", "active", "framework", null, List.of(), null),
            new InstalledBundle("mxcp-core", "0.1.0", "active", "bundles", "mxcp-core.jar",
                    List.of("io.mxcp.core.api.ProjectService"), null),
            new InstalledBundle("com.example.greet", "1.1.0", "active", "deploy", "greet.jar",
                    List.of("io.mxcp.sdk.udf.SqlFunctionProvider"), null),
            new InstalledBundle("com.example.clash", "1.0.0", "active", "deploy", "clash.jar",
                    List.of("io.mxcp.sdk.udf.SqlFunctionProvider"), "UDF plugin com.example.clash: SQL function "
                            + "greet(VARCHAR): UDF plugin com.example.greet provides it"));
    private AdminSocket admin;

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
        admin = AdminSocket.start(new AdminContext("1.2.3", "20261129.185300 80ca614d",
                Instant.now().minusSeconds(3725), true, socket,
                "streamable-http", true, () -> project, () -> reloadStatus, () -> stopping, reloads::incrementAndGet,
                () -> bundles, Path.of("/srv/mxcp-plugins")));
    }

    private Answer send(String request) throws IOException {
        return new AdminClient(socket).send(request);
    }

    private Answer get(String target) throws IOException {
        return new AdminClient(socket).get(target);
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
        try (ServerSocketChannel died = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            died.bind(UnixDomainSocketAddress.of(socket)); // its file stays when it closes, as after a kill
        }
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
    void bundlesListWhatRunsAndWhereFrom() throws Exception {
        start();
        Map<String, Object> answer = get("/bundles").json();
        assertEquals("/srv/mxcp-plugins", answer.get("deploy_folder"));
        List<?> listed = (List<?>) answer.get("bundles");
        assertEquals(4, listed.size());
        assertEquals(map("symbolic_name", "com.example.greet", "version", "1.1.0", "state", "active", "source",
                "deploy", "file", "greet.jar", "services", List.of("io.mxcp.sdk.udf.SqlFunctionProvider"),
                "problem", null), listed.get(2));
        assertEquals("UDF plugin com.example.clash: SQL function greet(VARCHAR): UDF plugin com.example.greet provides "
                + "it", ((Map<?, ?>) listed.get(3)).get("problem"), "a plugin that runs but cannot serve says why");
        assertNull(((Map<?, ?>) listed.get(0)).get("file"));
    }

    @Test
    void statusReportsServerAndReloads() throws Exception {
        reloadStatus = new ReloadStatus(ReloadStatus.Phase.DRAINING, 2,
                new ReloadStatus.Outcome(Instant.parse("2025-01-02T03:04:05Z"), false, "bad config", List.of()));
        start();
        Map<String, Object> status = get("/status").json();
        assertEquals("ok", status.get("status"));
        assertEquals("1.2.3", status.get("version"));
        assertEquals("20261129.185300 80ca614d", status.get("build"));
        assertTrue(String.valueOf(status.get("uptime")).startsWith("1h2m"), String.valueOf(status.get("uptime")));
        assertTrue(((Number) status.get("uptime_seconds")).longValue() >= 3725);
        assertEquals(ProcessHandle.current().pid(), ((Number) status.get("pid")).longValue());
        assertEquals("default", status.get("profile"));
        assertEquals("readwrite", status.get("mode"));
        assertEquals(true, status.get("debug"));
        assertEquals(false, status.get("stopping"));
        assertEquals(Map.of("in_progress", true, "draining", true, "active_requests", 2,
                "last_reload", "2025-01-02T03:04:05Z", "last_reload_status", "error", "last_reload_error", "bad config",
                "last_reload_skipped", List.of()),
                status.get("reload"));
        assertEquals(Map.of("path", socket.toString()), status.get("admin_socket"));

        stopping = true;
        assertEquals(true, get("/status").json().get("stopping"), "a stop signal came: the server drains and ends");
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
    void configCountsTheEndpointsServedSinceTheLastReload() throws Exception {
        start();
        Map<String, Integer> one = Map.of("tools", 1, "prompts", 0, "resources", 0);
        assertEquals(one, get("/config").json().get("endpoints"));
        project.withTestedTool("added", "tools/added.yml", List.of());
        assertEquals(one, get("/config").json().get("endpoints"), "a file added on disk is served after a reload");
        FakeProject reloaded = new FakeProject(folder);
        reloaded.withTestedTool("hello", "tools/hello.yml", List.of()).withTestedTool("added", "tools/added.yml",
                List.of());
        project = reloaded;
        assertEquals(Map.of("tools", 2, "prompts", 0, "resources", 0), get("/config").json().get("endpoints"));
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
        project.audit.backendStates = List.of(
                new AuditTrail.BackendState("jsonl", Path.of("/srv/audit/logs.jsonl"), "ok", null, null, 0),
                new AuditTrail.BackendState("sqlite", Path.of("/srv/audit/logs.sqlite"), "failing",
                        Instant.parse("2025-01-01T12:30:00Z"), "database is locked", 12));
        project.audit.recordsQueued = 40;
        start();
        Map<String, Object> stats = get("/audit/stats").json();
        assertEquals(List.of(
                map("backend", "jsonl", "path", "/srv/audit/logs.jsonl", "state", "ok", "failing_since", null,
                        "error", null, "records_behind", 0),
                map("backend", "sqlite", "path", "/srv/audit/logs.sqlite", "state", "failing",
                        "failing_since", "2025-01-01T12:30:00+00:00", "error", "database is locked",
                        "records_behind", 12)), stats.get("backends"));
        assertEquals(3, stats.get("total_records"));
        assertEquals(40, stats.get("records_queued"));
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
        Answer answer = get("/audit/query");
        assertEquals(500, answer.status());
        assertEquals(Map.of("detail", "Failed to query audit logs: disk gone"), answer.json());
    }

    @Test
    void statsOfALogThatCannotBeReadStillShowTheBackendsStates() throws Exception {
        project.audit.enabled = true;
        project.audit.failure = new ProjectException("Cannot read the audit log /srv/audit: not a folder");
        project.audit.backendStates = List.of(new AuditTrail.BackendState("jsonl", Path.of("/srv/audit/logs.jsonl"),
                "failing", Instant.parse("2025-01-01T12:30:00Z"), "not a folder", 3));
        start();
        Answer answer = get("/audit/stats");
        assertEquals(200, answer.status());
        Map<String, Object> stats = answer.json();
        assertNull(stats.get("total_records"));
        assertEquals("Cannot read the audit log /srv/audit: not a folder", stats.get("read_error"));
        assertEquals("failing", ((Map<?, ?>) ((List<?>) stats.get("backends")).get(0)).get("state"));
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
    void systemInfoMemoryAndDiskArePlausible() throws Exception {
        start();
        Map<String, Object> info = get("/system/info").json();
        assertTrue(number(info, "cpu_count_logical") >= 1, info.toString());
        assertTrue(number(info, "memory_total_bytes") > 0, info.toString());
        Map<String, Object> memory = get("/system/memory").json();
        assertEquals(number(info, "memory_total_bytes"), number(memory, "total_bytes"), memory.toString());
        assertTrue(number(memory, "available_bytes") <= number(memory, "total_bytes"), memory.toString());
        assertTrue(number(memory, "free_bytes") <= number(memory, "total_bytes"), memory.toString());
        assertPercent(memory, "percent");
        assertPercent(memory, "swap_percent");
        assertTrue(number(memory, "mxcp_process_vms_bytes") > 0, memory.toString());
        Map<String, Object> disk = get("/system/disk").json();
        assertTrue(number(disk, "total_bytes") > 0, disk.toString());
        assertTrue(number(disk, "used_bytes") + number(disk, "free_bytes") <= number(disk, "total_bytes"),
                disk.toString());
        assertPercent(disk, "percent");
        if (ProcFs.system().available()) {
            long now = Instant.now().getEpochSecond();
            assertTrue(number(info, "boot_time_seconds") > 0 && number(info, "boot_time_seconds") < now,
                    info.toString());
            assertTrue(number(info, "cpu_count_physical") >= 1, info.toString());
            assertTrue(number(memory, "mxcp_process_rss_bytes") > 0, memory.toString());
            assertTrue(number(disk, "read_count") > 0 && number(disk, "read_bytes") > 0, disk.toString());
        }
    }

    @Test
    void systemCpuIsSampledPercentagesAndNetworkIsCounts() throws Exception {
        start();
        Map<String, Object> cpu = get("/system/cpu").json();
        assertPercent(cpu, "percent");
        for (Object percent : (List<?>) cpu.get("per_cpu_percent")) {
            assertTrue(((Number) percent).doubleValue() >= 0 && ((Number) percent).doubleValue() <= 100,
                    cpu.toString());
        }
        assertTrue(number(cpu, "load_avg_1min") >= 0, cpu.toString());
        if (ProcFs.system().available()) {
            assertEquals(number(get("/system/info").json(), "cpu_count_logical"),
                    ((List<?>) cpu.get("per_cpu_percent")).size(), cpu.toString());
        }
        Map<String, Object> network = get("/system/network").json();
        for (String counter : List.of("bytes_sent", "bytes_recv", "packets_sent", "packets_recv", "errin", "errout",
                "dropin", "dropout")) {
            assertTrue(number(network, counter) >= 0, network.toString());
        }
    }

    @Test
    void systemProcessIsThisProcess() throws Exception {
        start();
        Map<String, Object> process = get("/system/process").json();
        assertEquals(ProcessHandle.current().pid(), number(process, "pid"));
        assertTrue(number(process, "num_threads") > 1, process.toString());
        assertTrue(number(process, "num_fds") > 0, process.toString());
        assertTrue(number(process, "memory_vms_bytes") > 0, process.toString());
        assertTrue(((Number) process.get("cpu_percent")).doubleValue() >= 0, process.toString());
        assertTrue(List.of("running", "sleeping", "disk-sleep", "idle").contains(process.get("status")),
                process.toString());
    }

    @Test
    void openApiDocumentDescribesEveryRoute() throws Exception {
        start();
        Map<String, Object> document = get("/openapi.json").json();
        assertEquals("3.1.0", document.get("openapi"));
        assertEquals("MXCP Admin API", ((Map<?, ?>) document.get("info")).get("title"));
        assertEquals("1.0.0", ((Map<?, ?>) document.get("info")).get("version"));
        Map<?, ?> paths = (Map<?, ?>) document.get("paths");
        assertEquals(List.of("/", "/health", "/status", "/bundles", "/reload", "/config", "/endpoints", "/audit/query",
                "/audit/stats", "/system/info", "/system/cpu", "/system/memory", "/system/disk", "/system/network",
                "/system/process", "/openapi.json", "/docs"), List.copyOf(paths.keySet()));
        assertEquals(List.of("post"), List.copyOf(((Map<?, ?>) paths.get("/reload")).keySet()));
        Map<?, ?> query = (Map<?, ?>) ((Map<?, ?>) paths.get("/audit/query")).get("get");
        List<?> parameters = (List<?>) query.get("parameters");
        assertEquals(10, parameters.size());
        assertTrue(parameters.contains(Map.of("name", "limit", "in", "query", "required", false, "schema",
                Map.of("type", "integer", "description", "Records at most", "default", 100, "minimum", 1,
                        "maximum", 1000))), parameters.toString());
        assertTrue(((Map<?, ?>) query.get("responses")).containsKey("422"));
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) paths.get("/status")).get("get");
        assertEquals("Get server status", status.get("summary"));
        assertFalse(((Map<?, ?>) status.get("responses")).containsKey("422"), "no parameters, no 422");
    }

    @Test
    void everyAnswerHasItsDocumentedShape() throws Exception {
        project.audit.enabled = true;
        project.audit.records.add(AuditRecordBuilder.call("r1", "tool", "hello", "2025-01-01T10:00:00Z")
                .policy("allow").build());
        start();
        Map<?, ?> paths = (Map<?, ?>) get("/openapi.json").json().get("paths");
        paths.forEach((path, methods) -> ((Map<?, ?>) methods).forEach((method, operation) -> {
            Map<?, ?> ok = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) operation).get("responses")).get("200");
            Map<?, ?> content = (Map<?, ?>) ok.get("content");
            if (content.containsKey("application/json")) {
                try {
                    Answer answer = send(String.valueOf(method).toUpperCase(Locale.ROOT) + " " + path
                            + " HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertEquals(200, answer.status(), path + ": " + answer.text());
                    SchemaCheck.assertMatches(((Map<?, ?>) content.get("application/json")).get("schema"),
                            answer.body(), method + " " + path);
                } catch (IOException e) {
                    throw new AssertionError(path + ": " + e, e);
                }
            }
        }));
    }

    @Test
    void docsPageIsSelfContainedHtml() throws Exception {
        start();
        Answer docs = send("GET /docs HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, docs.status());
        assertTrue(docs.head().contains("Content-Type: text/html; charset=utf-8"), docs.head());
        assertTrue(docs.text().startsWith("<!DOCTYPE html>"), docs.text());
        assertTrue(docs.text().contains("<a href=\"/openapi.json\">"), docs.text());
        assertTrue(docs.text().contains("<code>/system/memory</code>"), docs.text());
        assertTrue(docs.text().contains("<code>mxcp_process_rss_bytes</code>"), docs.text());
        assertTrue(docs.text().contains("<code>limit</code>"), docs.text());
        assertFalse(docs.text().contains("<script") || docs.text().contains("http://")
                || docs.text().contains("https://"), "nothing loaded from elsewhere");
        assertEquals(404, get("/redoc").status(), "not built: /docs needs no script");
    }

    private static long number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).longValue();
    }

    private static void assertPercent(Map<String, Object> body, String field) {
        double percent = ((Number) body.get(field)).doubleValue();
        assertTrue(percent >= 0 && percent <= 100, field + " in " + body);
    }

    @Test
    void malformedRequestIs400() throws Exception {
        start();
        assertEquals(400, send("nonsense\r\n\r\n").status());
    }

    /** A map in the given order that may hold nulls (JSON's). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
