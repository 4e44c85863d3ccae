package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.RefusedRequest;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.audit.AuditRecord;

/** Requests the server refused, recorded as {@code mxcp.access} in the log and chain of the calls (spec 03b D.38). */
class RefusalAuditTest {

    @TempDir
    Path dir;

    private ProjectFixture f;
    private final MemoryAuditBackend backend = new MemoryAuditBackend();
    private Path log;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).auditedSite("{enabled: true}").write("tools/hello.yml", """
                tool:
                  name: hello
                  return: {type: object, properties: {ok: {type: boolean}}}
                  source: {code: "SELECT 1"}
                """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> List.of(Map.of("ok", true))));
        log = dir.resolve("audit/logs-dev.jsonl");
    }

    private static RefusedRequest refusal(int status, String rpcMethod, String userId, String sessionId,
            String reason) {
        return new RefusedRequest(Instant.parse("2026-11-26T10:00:00.123456789Z"), status, "POST", "/mcp", rpcMethod,
                "10.0.0.7", userId, sessionId, reason, 3);
    }

    @Test
    void aRefusalIsAnAccessRecordLinkedIntoTheCallsChain() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            project.execute(EndpointKind.TOOL, "hello", Map.of(), new CallOptions(null, Map.of(), null, false)
                    .withAuditCaller(new AuditCaller("http", null)));
            assertTrue(project.auditTrail().recordRefusal(refusal(401, null, null, null,
                    "invalid_token: no bearer token")));
            assertTrue(project.auditTrail().recordRefusal(refusal(404, "tools/call", "bob", "x".repeat(10_000),
                    "session_not_found: unknown")));
        }
        List<AuditRecord> records = awaitRecords(3);
        AuditRecord access = records.get(1);
        assertEquals("mxcp.access", access.schemaName());
        assertEquals(1, access.schemaVersion());
        assertEquals(Instant.parse("2026-11-26T10:00:00.123456Z"), access.timestamp(), "the log keeps microseconds");
        assertEquals("request", access.operationType());
        assertEquals("POST /mcp", access.operationName(), "no JSON-RPC method read: the HTTP request names it");
        assertEquals("error", access.operationStatus());
        assertEquals("http", access.callerType());
        assertNull(access.userId());
        assertNull(access.sessionId());
        assertEquals("deny", access.policyDecision());
        assertEquals("invalid_token: no bearer token", access.policyReason());
        assertEquals("invalid_token: no bearer token", access.error());
        assertEquals(Map.of(), access.inputData());
        assertEquals(new LinkedHashMap<>(Map.of("http_status", 401, "http_method", "POST", "path", "/mcp",
                "client_address", "10.0.0.7", "suppressed", 3L)), access.businessContext());

        AuditRecord unknownSession = records.get(2);
        assertEquals("tools/call", unknownSession.operationName());
        assertEquals("bob", unknownSession.userId());
        assertEquals("x".repeat(64) + "…", unknownSession.sessionId(), "a presented session id is cut short");

        assertEquals(records.get(0).recordHash(), access.prevHash(), "one chain with the calls");
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertTrue(check.valid(), check.toString());
            assertEquals(3, check.recordsChecked());
            assertEquals(3, check.lastCheckpoint().records(), "the writer's checkpoint signs the refusals too");
        }
    }

    @Test
    void aRefusalNeverWaitsEvenFailClosedWithoutABackend() throws Exception {
        f.auditedSite("{enabled: true, mode: fail_closed}");
        try (Project project = f.open()) {
            long began = System.nanoTime();
            assertTrue(project.auditTrail().recordRefusal(refusal(401, null, null, null, "invalid_token: expired")));
            assertTrue(Duration.ofNanos(System.nanoTime() - began).toMillis() < 1_000, "queued, not waited for");
            f.service.bindAuditBackend(backend);
            assertEquals("mxcp.access", awaitRecords(1).getFirst().schemaName(), "written once the log can be");
        }
    }

    @Test
    void aClosedProjectTakesNoRefusalAndAnUnauditedOneRecordsNone() throws Exception {
        f.service.bindAuditBackend(backend);
        Project closed = f.open();
        closed.close();
        assertFalse(closed.auditTrail().recordRefusal(refusal(401, null, null, null, "invalid_token: x")),
                "the server counts it toward the client's next record");

        f.env.put("MXCP_AUDIT_ENABLED", "no");
        try (Project project = f.open()) {
            assertTrue(project.auditTrail().recordRefusal(refusal(401, null, null, null, "invalid_token: x")));
        }
        assertTrue(backend.opened.isEmpty());
    }

    @Test
    void retentionKeepsAccessRecordsNinetyDays() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            project.auditTrail().recordRefusal(new RefusedRequest(Instant.now().minus(Duration.ofDays(91)), 401,
                    "POST", "/mcp", null, "10.0.0.7", null, null, "invalid_token: x", 0));
            project.auditTrail().recordRefusal(new RefusedRequest(Instant.now().minus(Duration.ofDays(89)), 401,
                    "POST", "/mcp", null, "10.0.0.7", null, null, "invalid_token: y", 0));
        }
        awaitRecords(2);
        try (Project project = f.open()) {
            assertEquals(Map.of("mxcp.access:v1", 1L), project.auditTrail().applyRetention(false));
        }
        assertEquals(List.of("invalid_token: y"), backend.records(log).stream().map(AuditRecord::error).toList());
    }

    private List<AuditRecord> awaitRecords(int count) throws InterruptedException {
        for (int i = 0; i < 100 && backend.records(log).size() < count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, backend.records(log).size(), () -> backend.records(log).toString());
        return backend.records(log);
    }
}
