package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.internal.RecordingTelemetry.RecordedSpan;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.auth.UserContext;

/**
 * A served project's calls as its telemetry provider sees them (spec 03 §6.2–6.3): the span tree, its attributes and
 * outcome, the metrics, the audit record's trace id, and the provider's lifetime across reloads and swaps.
 */
class TelemetryTest {

    @TempDir
    Path dir;

    private ProjectFixture f;
    private final RecordingTelemetry provider = new RecordingTelemetry();
    private final MemoryAuditBackend audit = new MemoryAuditBackend();

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", """
                project: demo
                profile: dev
                profiles:
                  dev:
                    audit: {enabled: true}
                """)
                .write("home/.mxcp/config.yml", """
                        mxcp: 1
                        projects:
                          demo:
                            profiles:
                              dev:
                                telemetry: {enabled: true, endpoint: "http://collector:4318"}
                        """)
                .write("tools/pay.yml", """
                        tool:
                          name: pay
                          parameters: [{name: amount, type: number}]
                          return: {type: object, properties: {paid: {type: number}}}
                          source: {code: "SELECT $amount AS paid"}
                          policies:
                            input:
                              - {condition: "amount > 1000", action: deny, reason: "Too much"}
                            output:
                              - {condition: "true", action: mask_fields, fields: [paid]}
                        """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> switch (source.name()) {
            case "unlock" -> throw new IllegalStateException(
                    "Conversion Error: Could not convert string '" + args.get("pin") + "' to INT32");
            case "whoami" -> List.of(Map.of("pw", "LEAKED-PASSWORD-42"));
            default -> List.of(Map.of("paid", args.get("amount")));
        }));
        f.service.bindTelemetryProvider(provider);
        f.service.bindAuditBackend(audit);
    }

    @Test
    void aServedCallIsOneSpanTreeUnderTheEndpointSpan() throws Exception {
        try (Project project = f.openServed()) {
            call(project, 5);
        }
        RecordedSpan root = provider.span("mxcp.endpoint.execute");
        RecordedSpan engine = provider.span("mxcp.execution_engine.execute");
        assertNull(root.parent);
        assertSame(root, provider.span("mxcp.policy.enforce_input").parent);
        assertSame(provider.span("mxcp.policy.enforce_input"), provider.span("mxcp.policy.evaluate_input[0]").parent);
        assertSame(root, engine.parent);
        assertSame(engine, provider.span("mxcp.validation.input").parent);
        assertSame(engine, provider.span("mxcp.duckdb.execute").parent);
        assertSame(engine, provider.span("mxcp.validation.output").parent);
        assertSame(root, provider.span("mxcp.policy.enforce_output").parent);
        assertTrue(provider.spans.stream().allMatch(span -> span.ended), provider.spans::toString);

        assertEquals(Map.of("mxcp.endpoint.name", "pay", "mxcp.endpoint.type", "tool", "mxcp.auth.authenticated", true,
                "mxcp.auth.provider", "test", "mxcp.session.id", "s-1", "mxcp.policy.decision", "warn",
                "mxcp.policy.rules_evaluated", 2L), root.attributes);
        assertEquals("mask_fields", provider.span("mxcp.policy.evaluate_output[0]").attributes.get("mxcp.policy.action_applied"));
        assertEquals(1L, provider.span("mxcp.policy.evaluate_output[0]").attributes.get("mxcp.policy.fields_masked"));
        RecordedSpan sql = provider.span("mxcp.duckdb.execute");
        assertEquals("select", sql.attributes.get("db.operation"));
        assertEquals(16, ((String) sql.attributes.get("db.statement.hash")).length());
        assertEquals(1L, sql.attributes.get("db.rows_affected"));
    }

    @Test
    void aDeniedCallFailsItsSpansAndIsCountedAsADenial() throws Exception {
        try (Project project = f.openServed()) {
            assertEquals(0, provider.sum("mxcp.up", Map.of()), "not up before the server serves");
            project.serving();
            assertThrows(EndpointException.class, () -> call(project, 5000));
        }
        RecordedSpan root = provider.span("mxcp.endpoint.execute");
        assertEquals("Policy enforcement failed: Too much", root.error);
        assertEquals("deny", root.attributes.get("mxcp.policy.decision"));
        assertEquals(0L, provider.span("mxcp.policy.enforce_input").attributes.get("mxcp.policy.denied_at"));
        assertNotNull(provider.span("mxcp.policy.evaluate_input[0]").error);
        assertTrue(provider.spans.stream().noneMatch(span -> span.name.equals("mxcp.execution_engine.execute")));

        assertEquals(1, provider.sum("mxcp.endpoint.requests_total", Map.of("endpoint", "pay", "status", "error",
                "caller", "http", "policy_decision", "deny")));
        assertEquals(1, provider.sum("mxcp.endpoint.errors_total", Map.of("error_type", "policy_denied")));
        assertEquals(1, provider.sum("mxcp.policy.denials_total", Map.of("type", "input", "reason", "Too much")));
        assertEquals(0, provider.sum("mxcp.endpoint.concurrent_executions", Map.of("endpoint", "pay")));
        assertEquals(1, provider.sum("mxcp.up", Map.of("version", "9.9.9", "transport", "streamable-http")));
    }

    @Test
    void valuesAnEndpointMarksSensitiveStayOutOfSpansTheAuditRecordAndTheLoggableMessage() throws Exception {
        f.write("tools/unlock.yml", """
                tool:
                  name: unlock
                  parameters: [{name: pin, type: string, sensitive: true}]
                  source: {code: "SELECT CAST($pin AS INTEGER)"}
                  policies:
                    input:
                      - {condition: "int(pin) < 0", action: deny}
                """).write("tools/whoami.yml", """
                tool:
                  name: whoami
                  return: {type: object, properties: {pw: {type: string, sensitive: true, format: email}}}
                  source: {code: "SELECT 'x' AS pw"}
                """);
        EndpointException unlock;
        EndpointException whoami;
        Path log;
        try (Project project = f.openServed()) {
            unlock = assertThrows(EndpointException.class, () -> project.execute(EndpointKind.TOOL, "unlock",
                    Map.of("pin", "PIN-SECRET-42"), options()));
            whoami = assertThrows(EndpointException.class, () -> project.execute(EndpointKind.TOOL, "whoami",
                    Map.of(), options()));
            log = project.auditTrail().path();
        }
        // the caller's answer keeps its text, as in the original; what the server writes about the call does not
        assertTrue(unlock.getMessage().contains("'PIN-SECRET-42'"), unlock.getMessage());
        assertEquals(unlock.getMessage().replace("PIN-SECRET-42", "[REDACTED]"), unlock.loggableMessage());
        assertTrue(whoami.getMessage().contains("LEAKED-PASSWORD-42"), whoami.getMessage());
        assertFalse(whoami.loggableMessage().contains("LEAKED-PASSWORD-42"), whoami.loggableMessage());
        assertTrue(whoami.loggableMessage().contains("[REDACTED]"), whoami.loggableMessage());

        String rule = (String) provider.span("mxcp.policy.evaluate_input[0]").attributes.get("mxcp.policy.error");
        assertTrue(rule.contains("[REDACTED]"), rule);
        for (RecordedSpan span : provider.spans) {
            String traced = span.error + " " + span.attributes;
            assertFalse(traced.contains("PIN-SECRET-42") || traced.contains("LEAKED-PASSWORD-42"),
                    span.name + ": " + traced);
        }
        assertTrue(provider.span("mxcp.endpoint.execute").error.contains("[REDACTED]"));
        for (var record : audit.records(log)) {
            assertTrue(record.error().contains("[REDACTED]"), record.error());
            assertFalse(record.error().contains("PIN-SECRET-42") || record.error().contains("LEAKED-PASSWORD-42"),
                    record.error());
        }
    }

    @Test
    void callsFailClosedForTheirAuditRecordAreCounted() throws Exception {
        f.auditedSite("{enabled: true, mode: fail_closed}");
        audit.failWrites = new IOException("No space left on device");
        try (Project project = f.openServed()) {
            assertThrows(EndpointException.class, () -> call(project, 5));
            assertThrows(EndpointException.class, () -> call(project, 6));
            audit.failWrites = null;
        }
        assertEquals(1, provider.sum("mxcp.audit.failures_total", Map.of("outcome", "unrecorded")));
        assertEquals(1, provider.sum("mxcp.audit.failures_total", Map.of("outcome", "refused")));
    }

    @Test
    void theAuditRecordCarriesTheCallsTraceId() throws Exception {
        Path log;
        try (Project project = f.openServed()) {
            call(project, 5);
            log = project.auditTrail().path();
        }
        String traceId = provider.span("mxcp.endpoint.execute").traceId;
        assertEquals(traceId, audit.records(log).get(0).traceId());
    }

    @Test
    void onlyAServedProjectStartsTelemetryAndUnknownEndpointsAreNotCounted() throws Exception {
        try (Project project = f.open()) {
            call(project, 5);
        }
        assertEquals(List.of(), provider.started);
        try (Project project = f.openServed()) {
            assertThrows(EndpointException.class, () -> project.execute(EndpointKind.TOOL, "nope", Map.of(), options()));
        }
        assertEquals(0, provider.sum("mxcp.endpoint.requests_total", Map.of()));
        assertEquals(1, provider.spans.size(), "the call to an unknown tool still has its root span");
    }

    @Test
    void aReloadedProjectKeepsTheTelemetryTheServerStartedWith() throws Exception {
        Project first = f.openServed();
        Project reloaded = f.openServed();
        first.close();
        Project restarted = reloaded.reopen();
        reloaded.close();
        call(restarted, 5);
        assertEquals(1, provider.started.size());
        assertEquals(0, provider.closed.get());
        restarted.close();
        assertEquals(1, provider.closed.get(), "the server's end flushes it");
    }

    @Test
    void aFailedReloadFallsBackToTheServersTelemetryAndTheNextReloadKeepsOneSession() throws Exception {
        Project running = f.openServed();
        Project failedReload = f.openServed();
        running.close();
        failedReload.close();
        Project restored = running.reopen();
        call(restored, 5);
        assertEquals(1, provider.sum("mxcp.endpoint.requests_total", Map.of()), "still traced after the fallback");

        Project nextReload = f.openServed();
        restored.close();
        call(nextReload, 6);
        assertEquals(2, provider.sum("mxcp.endpoint.requests_total", Map.of()));
        f.service.unbindTelemetryProvider(provider);
        int started = provider.started.size();
        assertEquals(started, provider.closed.get(), "every telemetry started is closed when its bundle leaves");
        nextReload.close();
    }

    @Test
    void aNewerProviderTakesTheNextCallsAndTheLeavingOneIsClosed() throws Exception {
        RecordingTelemetry newer = new RecordingTelemetry();
        try (Project project = f.openServed()) {
            f.service.bindTelemetryProvider(newer);
            assertEquals(1, provider.closed.get());
            call(project, 5);
            f.service.unbindTelemetryProvider(newer);
            f.service.unbindTelemetryProvider(provider);
            assertEquals(1, newer.closed.get());
            call(project, 6);
        }
        assertEquals(0, provider.sum("mxcp.endpoint.requests_total", Map.of()));
        assertEquals(1, newer.sum("mxcp.endpoint.requests_total", Map.of()), "the call after both left is untraced");
    }

    @Test
    void aTelemetryBundleThatFailsNeverFailsTheCall() throws Exception {
        Path log;
        try (Project project = f.openServed()) {
            RecordingTelemetry.failure = new NoClassDefFoundError("io/acme/otel/SpanData");
            try {
                assertEquals(Map.of("paid", "****"), call(project, 5));
            } finally {
                RecordingTelemetry.failure = null;
            }
            log = project.auditTrail().path();
        }
        assertEquals(1, audit.records(log).size(), "the call is recorded");
        assertEquals(provider.span("mxcp.endpoint.execute").traceId, audit.records(log).get(0).traceId());
    }

    @Test
    void reloadsAreCountedByOutcomeAndProfile() throws Exception {
        try (Project project = f.openServed(); Project reopened = project.reopen()) {
            reopened.reloadEnded(true);
            reopened.reloadEnded(false);
            reopened.reloadEnded(true);
        }
        try (Project unserved = f.open()) {
            unserved.reloadEnded(true);
        }
        assertEquals(2, provider.sum("mxcp.reloads_total", Map.of("status", "success", "profile", "dev")));
        assertEquals(1, provider.sum("mxcp.reloads_total", Map.of("status", "error", "profile", "dev")));
    }

    @Test
    void anErrorEscapingTheExecutorEndsEverySpanAndTheCallIsStillCountedAndRecorded() throws Exception {
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            throw new StackOverflowError("too deep");
        }));
        Path log;
        try (Project project = f.openServed()) {
            assertThrows(StackOverflowError.class, () -> call(project, 5));
            log = project.auditTrail().path();
        }
        assertTrue(provider.spans.stream().allMatch(span -> span.ended), provider.spans::toString);
        assertEquals("too deep", provider.span("mxcp.endpoint.execute").error);
        assertEquals("too deep", provider.span("mxcp.execution_engine.execute").error);
        assertEquals(1, provider.sum("mxcp.endpoint.errors_total", Map.of("error_type", "StackOverflowError")));
        assertEquals(0, provider.sum("mxcp.endpoint.concurrent_executions", Map.of("endpoint", "pay")));
        assertEquals(0, provider.sum("mxcp.execution.concurrent", Map.of("language", "sql")));
        assertEquals("too deep", audit.records(log).get(0).error());
    }

    @Test
    void aClassTheExecutorCanNoLongerLoadFailsOnlyThatCall() throws Exception {
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            throw new NoClassDefFoundError("io/acme/udf/Gone");
        }));
        try (Project project = f.openServed()) {
            EndpointException e = assertThrows(EndpointException.class, () -> call(project, 5));
            assertEquals(EndpointException.Reason.EXECUTION_FAILED, e.reason());
            assertEquals("io/acme/udf/Gone", e.getMessage());
        }
        assertTrue(provider.spans.stream().allMatch(span -> span.ended), provider.spans::toString);
        assertEquals(1, provider.sum("mxcp.endpoint.errors_total", Map.of("error_type", "execution_failed")));
    }

    @Test
    void aCallThatExhaustsTheHeapFailsAloneWithAClearErrorAndIsRecorded() throws Exception {
        AtomicBoolean exhaust = new AtomicBoolean(true);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            if (exhaust.getAndSet(false)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return List.of(Map.of("ok", true));
        }));
        Path log;
        try (Project project = f.openServed()) {
            EndpointException e = assertThrows(EndpointException.class, () -> call(project, 5));
            assertEquals(EndpointException.Reason.EXECUTION_FAILED, e.reason());
            assertTrue(e.getMessage().startsWith("The server ran out of memory (Java heap) while running this call"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("give the server more heap (-Xmx in MXCP_JAVA_OPTS)"), e.getMessage());
            call(project, 6);
            log = project.auditTrail().path();
        }
        var records = audit.records(log);
        assertEquals(2, records.size(), "both calls are recorded");
        assertTrue(records.get(0).error().startsWith("The server ran out of memory"), records.get(0).error());
        assertNull(records.get(1).error(), "the next call ran");
    }

    @Test
    void anOutOfMemoryErrorThatMoreHeapWouldNotMendKeepsItsOwnText() throws Exception {
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            throw new OutOfMemoryError("Metaspace");
        }));
        try (Project project = f.openServed()) {
            assertEquals("Metaspace", assertThrows(OutOfMemoryError.class, () -> call(project, 5)).getMessage());
        }
        assertTrue(provider.spans.stream().allMatch(span -> span.ended), provider.spans::toString);
    }

    @Test
    void anInvalidTelemetryBlockStopsTheServerNamingTheKey() throws Exception {
        f.write("home/.mxcp/config.yml", """
                mxcp: 1
                projects:
                  demo:
                    profiles:
                      dev:
                        telemetry: {enabled: true, metrics: {export_interval: 0}}
                """);
        ProjectException e = assertThrows(ProjectException.class, f::openServed);
        assertEquals("Invalid telemetry settings: projects.demo.profiles.dev.telemetry.metrics.export_interval: "
                + "Input should be greater than or equal to 1", e.getMessage());
        assertInstanceOf(Project.class, f.open(), "commands other than serve do not read the block");
    }

    private static Object call(Project project, int amount) throws EndpointException {
        return project.execute(EndpointKind.TOOL, "pay", Map.of("amount", amount), options());
    }

    private static CallOptions options() {
        UserContext user = new UserContext("u", "u", null, null, null, "test", List.of(), null, Map.of());
        return new CallOptions(user, Map.of(), null, false).withAuditCaller(new AuditCaller("http", "s-1"));
    }
}
