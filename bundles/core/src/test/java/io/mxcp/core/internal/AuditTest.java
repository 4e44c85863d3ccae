package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;
import io.mxcp.sdk.auth.UserContext;

/** The audit trail of a server's calls (spec 03 §3) through the whole pipeline, written to an in-memory backend. */
class AuditTest {

    @TempDir
    Path dir;

    private ProjectFixture f;
    private final MemoryAuditBackend backend = new MemoryAuditBackend();
    private Path log;
    /** How many times a login call reached its executor: its side effect. */
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", """
                project: demo
                profile: dev
                profiles:
                  dev:
                    audit: {enabled: true}
                """)
                .write("tools/login.yml", """
                        tool:
                          name: login
                          parameters:
                            - {name: user_name, type: string}
                            - {name: password, type: string, sensitive: true}
                            - {name: card, type: object, default: null, properties: {number: {type: string, sensitive: true}, brand: {type: string}}}
                          return:
                            type: object
                            properties: {token: {type: string, sensitive: true}, ok: {type: boolean}}
                          source: {code: "SELECT 1"}
                        """)
                .write("tools/pay.yml", """
                        tool:
                          name: pay
                          parameters: [{name: amount, type: number}]
                          return: {type: object, properties: {paid: {type: number}, secret: {type: string, sensitive: true}}}
                          source: {code: "SELECT 1"}
                          policies:
                            input:
                              - {condition: "user.role == 'anonymous'", action: deny, reason: "Sign in to pay"}
                              - {condition: "amount > 1000", action: deny}
                            output:
                              - {condition: "user.role != 'admin'", action: filter_sensitive_fields}
                        """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> switch (source.name()) {
            case "login" -> {
                runs.incrementAndGet();
                yield List.of(row("token", "t-123", "ok", true));
            }
            case "fetch" -> throw new IllegalStateException("upstream refused token ROTATED-dev-456 for " + args.get("url"));
            default -> List.of(row("paid", args.get("amount"), "secret", "s"));
        }));
        log = dir.resolve("audit/logs-dev.jsonl");
    }

    @Test
    void aServerCallIsRecordedWithSensitiveValuesAsKeyedHmacs() throws Exception {
        f.service.bindAuditBackend(backend);
        Map<String, String> hmacs = new LinkedHashMap<>();
        try (Project project = f.open()) {
            assertTrue(project.auditTrail().enabled());
            assertEquals(log, project.auditTrail().path());
            ProjectException noKey = assertThrows(ProjectException.class, () -> project.auditTrail().hmacOf("x"));
            assertEquals("The audit log " + log + " has no secret key " + dir.resolve("audit/logs-dev.hmac-key")
                    + " yet: no sensitive value was recorded", noKey.getMessage());
            Map<String, Object> result = call(project, "login", row("user_name", "ann", "password", "hunter2",
                    "card", row("number", "4111", "brand", "visa")), as("u-7", Map.of()), "s-1");
            assertEquals(row("token", "t-123", "ok", true), result, "the caller still gets the sensitive value");
            for (String known : List.of("hunter2", "4111", "t-123")) {
                hmacs.put(known, project.auditTrail().hmacOf(known));
            }
        }
        assertTrue(hmacs.get("hunter2").matches("hmac-sha256:[0-9a-f]{64}"), hmacs::toString);
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve("audit/logs-dev.hmac-key")));
        AuditRecord record = single();
        assertEquals("mxcp.endpoints", record.schemaName());
        assertEquals(2, record.schemaVersion());
        assertEquals("tool", record.operationType());
        assertEquals("login", record.operationName());
        assertEquals("success", record.operationStatus());
        assertEquals("http", record.callerType());
        assertEquals("s-1", record.sessionId());
        assertEquals("u-7", record.userId());
        assertEquals(row("user_name", "ann", "password", hmacs.get("hunter2"), "card", row("number", hmacs.get("4111"),
                "brand", "visa")), record.inputData(), "an operator finds the records of a value they know");
        assertEquals(row("token", hmacs.get("t-123"), "ok", true), record.outputData());
        assertNull(record.error());
        assertNull(record.policyDecision(), "an endpoint without policies has no decision");
        assertEquals(List.of(), record.policiesEvaluated());
        assertEquals(row("operation_type", "tool", "operation_name", "login", "operation_status", "success"),
                record.businessContext());
        assertNull(record.prevHash(), "the first record of a log links to nothing");
        assertTrue(record.recordHash().matches("sha256:[0-9a-f]{64}"), record.recordHash());
        assertTrue(record.durationMs() >= 0);
    }

    @Test
    void policyDecisionsAreRecordedForDeniedAndChangedCalls() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            assertThrows(EndpointException.class, () -> call(project, "pay", row("amount", 5), null, null));
            assertThrows(EndpointException.class, () -> call(project, "pay", row("amount", 5000), as("u", Map.of()), null));
            assertEquals(row("paid", 5.0), call(project, "pay", row("amount", 5), as("u", Map.of()), null));
            assertEquals(row("paid", 5.0, "secret", "s"), call(project, "pay", row("amount", 5),
                    as("boss", Map.of("role", "admin")), null));
        }
        List<AuditRecord> records = backend.records(log);
        assertEquals(4, records.size());

        AuditRecord anonymous = records.get(0);
        assertEquals("error", anonymous.operationStatus());
        assertEquals("Policy enforcement failed: Sign in to pay", anonymous.error());
        assertEquals("deny", anonymous.policyDecision());
        assertEquals("Sign in to pay", anonymous.policyReason());
        assertEquals(List.of("input[0]: user.role == 'anonymous'"), anonymous.policiesEvaluated());
        assertNull(anonymous.outputData());
        assertEquals("deny", anonymous.businessContext().get("policy_decision"));

        AuditRecord large = records.get(1);
        assertEquals("Access denied by policy", large.policyReason());
        assertEquals(List.of("input[0]: user.role == 'anonymous'", "input[1]: amount > 1000"), large.policiesEvaluated());

        AuditRecord filtered = records.get(2);
        assertEquals("warn", filtered.policyDecision());
        assertEquals("Output modified by filter_sensitive_fields", filtered.policyReason());
        assertEquals(List.of("input[0]: user.role == 'anonymous'", "input[1]: amount > 1000",
                "output[0]: user.role != 'admin'"), filtered.policiesEvaluated());

        AuditRecord admin = records.get(3);
        assertEquals("allow", admin.policyDecision());
        assertNull(admin.policyReason());
        assertTrue(((String) ((Map<?, ?>) admin.outputData()).get("secret")).startsWith("hmac-sha256:"),
                "sensitive return fields are masked in the log even when the policy lets them through");
    }

    /**
     * Code that fails quoting a secret of the profile (a token, a connection string): the record and the log line
     * hide it as they hide sensitive values; the caller's own error keeps the text, as in the original.
     */
    @Test
    void aProfileSecretInAFailedCallsErrorIsHiddenFromItsRecordAndLogLine() throws Exception {
        f.userProfile("secrets: [{name: api, type: custom, parameters: {token: ROTATED-dev-456, region: eu}}]")
                .write("tools/fetch.yml", """
                        tool:
                          name: fetch
                          parameters: [{name: url, type: string}]
                          source: {code: "SELECT 1"}
                        """);
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            EndpointException failed = assertThrows(EndpointException.class,
                    () -> call(project, "fetch", row("url", "https://eu.example.com"), null, null));
            assertTrue(failed.getMessage().contains("upstream refused token ROTATED-dev-456 for https://eu.example.com"),
                    failed::getMessage);
            assertTrue(failed.loggableMessage().contains("upstream refused token [REDACTED] for https://eu.example.com"),
                    failed::loggableMessage);
        }
        AuditRecord record = single();
        assertTrue(record.error().contains("upstream refused token [REDACTED] for https://eu.example.com"),
                record::error);
        assertFalse(record.error().contains("ROTATED"), record::error);
    }

    @Test
    void onlyServerCallsToKnownEndpointsAreRecorded() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            project.execute(EndpointKind.TOOL, "login", row("user_name", "a", "password", "p"), new CallOptions(null,
                    Map.of(), null, false));
            assertThrows(EndpointException.class, () -> call(project, "missing", Map.of(), null, null));
            EndpointException invalid = assertThrows(EndpointException.class,
                    () -> call(project, "pay", row("amount", "lots"), as("u", Map.of()), null));
            assertEquals(EndpointException.Reason.INVALID_ARGUMENTS, invalid.reason());
        }
        AuditRecord record = single();
        assertEquals("pay", record.operationName(), "neither the CLI's call nor the unknown tool is recorded");
        assertEquals("error", record.operationStatus());
        assertEquals(row("amount", "lots"), record.inputData());
    }

    @Test
    void aDisabledProfileRecordsNothing() throws Exception {
        f.env.put("MXCP_AUDIT_ENABLED", "no");
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            assertFalse(project.auditTrail().enabled());
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
        }
        assertTrue(backend.opened.isEmpty());
    }

    @Test
    void recordsWaitForABackendAndAreChainedAcrossBackends() throws Exception {
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
            ProjectException noBackend = assertThrows(ProjectException.class,
                    () -> project.auditTrail().query(AuditQuery.ALL));
            assertEquals("No audit backend 'jsonl' is installed", noBackend.getMessage());

            f.service.bindAuditBackend(backend);
            awaitRecords(1);
            MemoryAuditBackend successor = backend.successor();
            f.service.bindAuditBackend(successor);
            f.service.unbindAuditBackend(backend);
            assertEquals(1, backend.closed, "the leaving backend's log is closed before it goes");
            call(project, "login", row("user_name", "b", "password", "p"), null, null);
            awaitRecords(2);
            assertEquals(1, successor.opened.size());

            List<AuditRecord> records = backend.records(log);
            assertEquals(records.get(0).recordHash(), records.get(1).prevHash());
            ChainCheck check = project.auditTrail().verify();
            assertEquals(new ChainCheck(true, 2, List.of()), check);
            assertEquals(List.of("b", "a"), project.auditTrail().query(AuditQuery.ALL).stream()
                    .map(r -> r.inputData().get("user_name")).toList(), "newest first");
        }
    }

    @Test
    void verifyFindsAnEditedRecord() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            for (String name : List.of("a", "b", "c")) {
                call(project, "login", row("user_name", name, "password", "p"), null, null);
            }
        }
        String edited = backend.records(log).get(1).recordId();
        backend.tamper(log, 1, r -> new AuditRecord(r.schemaName(), r.schemaVersion(), r.recordId(), r.timestamp(),
                r.operationType(), r.operationName(), r.operationStatus(), r.durationMs(), r.callerType(), "mallory",
                r.sessionId(), r.traceId(), r.inputData(), r.outputData(), r.error(), r.policiesEvaluated(),
                r.policyDecision(), r.policyReason(), r.businessContext(), r.executionEvents(), r.prevHash(),
                r.recordHash(), r.signature()));
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertFalse(check.valid());
            assertEquals(3, check.recordsChecked());
            assertEquals(1, check.chainBreaks().size());
            assertTrue(check.chainBreaks().get(0).startsWith("record " + edited), check.chainBreaks().get(0));
            assertTrue(check.chainBreaks().get(0).endsWith("its content does not match its hash"));
        }
    }

    @Test
    void theChainIsSignedWhenTheWriterStopsAndVerifiedFromTheFiles() throws Exception {
        f.service.bindAuditBackend(backend);
        logins(3);
        logins(2);
        Path key = dir.resolve("audit/logs-dev.signing-key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key),
                "only the server's user can read the private key");
        assertTrue(Files.readString(dir.resolve("audit/logs-dev.signing-key.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(2, Files.readAllLines(dir.resolve("audit/logs-dev.checkpoints.jsonl")).size(),
                "one checkpoint each time a writer stopped");
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertEquals(List.of(), check.chainBreaks());
            assertEquals(5, check.lastCheckpoint().records());
            assertEquals(backend.records(log).getLast().recordHash(), check.lastCheckpoint().head());
            assertEquals(0, check.lastCheckpoint().recordsAfter());
        }
    }

    @Test
    void aWriterAfterACrashCountsOnFromTheLastCheckpoint() throws Exception {
        f.service.bindAuditBackend(backend);
        logins(3);
        logins(2);
        Path checkpoints = dir.resolve("audit/logs-dev.checkpoints.jsonl");
        // as if the server had been killed before the second stop's checkpoint
        Files.write(checkpoints, Files.readAllLines(checkpoints).subList(0, 1));
        logins(1);
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertEquals(List.of(), check.chainBreaks());
            assertEquals(6, check.lastCheckpoint().records(), "the two records written after the checkpoint counted");
        }
    }

    @Test
    void verifyReportsRecordsCutFromTheEndAgainstTheLastCheckpoint() throws Exception {
        f.service.bindAuditBackend(backend);
        logins(3);
        logins(2);
        backend.truncate(log, 3);
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertFalse(check.valid());
            assertEquals(2, check.recordsChecked());
            assertEquals(1, check.chainBreaks().size(), check.chainBreaks()::toString);
            assertTrue(check.chainBreaks().getFirst().matches("3 records are missing at the end of the log: the"
                    + " checkpoint of \\S+ signed 5 records, the log holds 2"), check.chainBreaks().getFirst());
        }
    }

    @Test
    void verifyReportsAForgedCheckpointAndChecksAgainstAGivenPublicKey() throws Exception {
        f.service.bindAuditBackend(backend);
        logins(2);
        Path checkpoints = dir.resolve("audit/logs-dev.checkpoints.jsonl");
        Files.writeString(checkpoints, Files.readString(checkpoints).replace("\"records\":2", "\"records\":1"));
        try (Project project = f.open()) {
            ChainCheck check = project.auditTrail().verify();
            assertFalse(check.valid());
            assertTrue(check.chainBreaks().getFirst().endsWith("(1 records): its signature does not match the public key "
                    + dir.resolve("audit/logs-dev.signing-key.pub")), check.chainBreaks().getFirst());
            assertNull(check.lastCheckpoint());

            Path otherKey = dir.resolve("other.pub");
            Files.writeString(otherKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            assertTrue(project.auditTrail().verify(otherKey).chainBreaks().getFirst()
                    .endsWith("its signature does not match the public key " + otherKey));
            ProjectException missing = assertThrows(ProjectException.class,
                    () -> project.auditTrail().verify(dir.resolve("none.pub")));
            assertEquals("The public key " + dir.resolve("none.pub") + " does not exist", missing.getMessage());
        }
    }

    @Test
    void failClosedCallsReturnOnlyOnceTheirRecordIsWritten() throws Exception {
        failClosed();
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            for (String name : List.of("a", "b", "c")) {
                call(project, "login", row("user_name", name, "password", "p"), null, null);
                assertEquals(name, backend.records(log).getLast().inputData().get("user_name"),
                        "the record is in the log when the call returns");
            }
            assertThrows(EndpointException.class, () -> call(project, "pay", row("amount", 5), null, null));
            assertEquals("Policy enforcement failed: Sign in to pay", backend.records(log).getLast().error(),
                    "a failing call waits for its record too");
        }
    }

    @Test
    void failClosedRefusesCallsBeforeTheyRunWhileNoBackendIsInstalled() throws Exception {
        failClosed();
        try (Project project = f.open()) {
            EndpointException refused = assertThrows(EndpointException.class,
                    () -> call(project, "login", row("user_name", "a", "password", "hunter2"), null, null));
            assertEquals("The audit log cannot be written, so the call was refused: audit.mode is fail_closed",
                    refused.getMessage(), "the caller is not shown the server's paths");
            assertEquals(0, runs.get(), "the refused call did not run");

            f.service.bindAuditBackend(backend);
            awaitRecords(1);
            AuditRecord refusal = backend.records(log).getFirst();
            assertEquals("The audit log " + log + " cannot be written (no audit backend 'jsonl' is installed), so the"
                    + " call was refused: audit.mode is fail_closed", refusal.error(),
                    "the refusal is recorded, with where and why, once the log can be written");
            assertTrue(((String) refusal.inputData().get("password")).startsWith("hmac-sha256:"));
            call(project, "login", row("user_name", "b", "password", "p"), null, null);
            assertEquals(1, runs.get());
            assertEquals(2, backend.records(log).size());
        }
    }

    @Test
    void failClosedFailsACallWhoseRecordCannotBeWrittenAndRefusesTheNext() throws Exception {
        failClosed();
        f.service.bindAuditBackend(backend);
        backend.failWrites = new IOException("No space left on device");
        try (Project project = f.open()) {
            EndpointException unrecorded = assertThrows(EndpointException.class,
                    () -> call(project, "login", row("user_name", "a", "password", "p"), null, null));
            assertEquals("The call's record could not be written to the audit log, so the call failed: audit.mode is"
                    + " fail_closed", unrecorded.getMessage(), "the caller is not shown the server's paths");
            assertEquals(1, runs.get(), "a call whose log was not known to fail ran");

            EndpointException refused = assertThrows(EndpointException.class,
                    () -> call(project, "login", row("user_name", "b", "password", "p"), null, null));
            assertTrue(refused.getMessage().endsWith("so the call was refused: audit.mode is fail_closed"),
                    refused.getMessage());
            assertEquals(1, runs.get(), "the log is known to fail: the next call does not run");

            backend.failWrites = null;
            awaitRecords(2);
            assertEquals(List.of("success", "error"), backend.records(log).stream()
                    .map(AuditRecord::operationStatus).toList(), "neither record is lost: both are written once it can");
        }
    }

    @Test
    void bestEffortCallsSucceedWhileTheLogCannotBeWritten() throws Exception {
        f.service.bindAuditBackend(backend);
        backend.failWrites = new IOException("No space left on device");
        try (WarningLog log = WarningLog.of("io.mxcp.core.internal.audit.AuditWriter"); Project project = f.open()) {
            for (String name : List.of("a", "b")) {
                call(project, "login", row("user_name", name, "password", "p"), null, null);
            }
            assertEquals(2, runs.get());
            assertEquals(2, project.auditTrail().recordsQueued(), "held in memory while no backend writes");
            for (int i = 0; i < 100 && log.warnings().stream().noneMatch(line -> line.contains("; 2 record(s) wait"));
                    i++) {
                Thread.sleep(50); // the retries back off from 0.1 s
            }
            assertTrue(log.warnings().stream().anyMatch(line -> line.matches("CRITICAL: writing [12] audit record\\(s\\)"
                    + " to .+ failed; 2 record\\(s\\) wait in memory, in order, until it succeeds; retrying: .*No space "
                    + "left on device.*")), () -> String.valueOf(log.warnings()));
            backend.failWrites = null;
            awaitRecords(2);
            for (int i = 0; i < 100 && project.auditTrail().recordsQueued() > 0; i++) {
                Thread.sleep(50); // the writer lets go of its batch just after the backend took it
            }
            assertEquals(0, project.auditTrail().recordsQueued());
            AuditQuery successes = new AuditQuery(List.of(), List.of(), List.of("success"), List.of(), List.of(),
                    List.of(), List.of(), null, null, 1);
            assertEquals(List.of("a", "b"), project.auditTrail().collect(successes, Collectors.mapping(
                    record -> String.valueOf(record.inputData().get("user_name")), Collectors.toList())),
                    "every match in the order written, the limit aside");
        }
    }

    @Test
    void withTwoBackendsOneDownCallsSucceedAndEveryRecordIsInTheOther() throws Exception {
        MemoryAuditBackend mirror = mirrored("mode: fail_closed, ");
        mirror.failWrites = new IOException("database is locked");
        try (Project project = f.open()) {
            for (String name : List.of("a", "b", "c")) {
                call(project, "login", row("user_name", name, "password", "p"), null, null);
                assertEquals(name, backend.records(log).getLast().inputData().get("user_name"),
                        "a fail-closed call returns once one backend has its record");
            }
            assertEquals(3, runs.get());
            assertTrue(mirror.records(log).isEmpty());
            AuditTrail.BackendState down = project.auditTrail().backends().get(1);
            assertEquals(List.of("mirror", "failing", "database is locked", 3L), List.of(down.backend(), down.state(),
                    down.error(), down.recordsBehind()), down::toString);
            assertEquals("ok", project.auditTrail().backends().getFirst().state());

            mirror.failWrites = null;
            awaitRecords(mirror, 3);
            assertEquals(backend.records(log), mirror.records(log),
                    "once it can be written, the backend that was down gets what it missed, in order");
            assertEquals(new AuditTrail.BackendState("mirror", log, "ok", null, null, 0),
                    project.auditTrail().backends().get(1));
            call(project, "login", row("user_name", "d", "password", "p"), null, null);
            awaitRecords(mirror, 4);
            assertEquals(backend.records(log), mirror.records(log));
            assertEquals(new ChainCheck(true, 4, List.of()), project.auditTrail().verify());

            backend.failWrites = new IOException("No space left on device");
            mirror.failWrites = new IOException("database is locked");
            EndpointException unrecorded = assertThrows(EndpointException.class,
                    () -> call(project, "login", row("user_name", "e", "password", "p"), null, null));
            assertEquals("The call's record could not be written to the audit log, so the call failed: audit.mode is"
                    + " fail_closed", unrecorded.getMessage());
            mirror.failWrites = null;
            awaitRecords(mirror, 5);
            backend.failWrites = null;
            awaitRecords(5);
            assertEquals(backend.records(log), mirror.records(log), "both get the record no backend could take at first");
        }
    }

    @Test
    void eachBackendsCopyCanBeReadAndVerifiedOnItsOwn() throws Exception {
        MemoryAuditBackend mirror = mirrored("");
        mirror.failWrites = new IOException("database is locked");
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
            awaitRecords(1);
            assertEquals(1, project.auditTrail().readingFrom("jsonl").query(AuditQuery.ALL).size());
            assertEquals(List.of(), project.auditTrail().readingFrom("mirror").query(AuditQuery.ALL),
                    "the copy of the backend that is down lacks the record");
            ProjectException unknown = assertThrows(ProjectException.class,
                    () -> project.auditTrail().readingFrom("sqlite"));
            assertEquals("The profile's audit.backends lists no backend 'sqlite' (it lists jsonl, mirror)",
                    unknown.getMessage());

            mirror.failWrites = null;
            awaitRecords(mirror, 1);
            assertEquals(new ChainCheck(true, 1, List.of()), project.auditTrail().readingFrom("mirror").verify());
        }
    }

    @Test
    void theLogIsReadFromTheNextBackendWhileTheFirstCannotBeOpened() throws Exception {
        f.auditedSite("{enabled: true, backends: [jsonl, mirror]}");
        MemoryAuditBackend mirror = new MemoryAuditBackend("mirror");
        f.service.bindAuditBackend(mirror);
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
            awaitRecords(mirror, 1);
            assertEquals(List.of("a"), project.auditTrail().query(AuditQuery.ALL).stream()
                    .map(r -> r.inputData().get("user_name")).toList(), "jsonl is not installed: read from mirror");

            f.service.bindAuditBackend(backend);
            backend.failOpens = new IOException("Permission denied");
            call(project, "login", row("user_name", "b", "password", "p"), null, null);
            awaitRecords(mirror, 2);
            assertEquals(new ChainCheck(true, 2, List.of()), project.auditTrail().verify());

            mirror.failOpens = new IOException("database disk image is malformed");
            ProjectException unreadable = assertThrows(ProjectException.class,
                    () -> project.auditTrail().query(AuditQuery.ALL));
            assertEquals("Cannot read the audit log " + log + " from the backend 'jsonl': Permission denied",
                    unreadable.getMessage(), "the first backend's failure is reported");
            backend.failOpens = null;
            mirror.failOpens = null;
            awaitRecords(2);
            assertEquals(mirror.records(log), backend.records(log), "jsonl got both once it could be opened");
        }
    }

    @Test
    void aBackendCanKeepASecondCopyOfTheLogOnAnotherPath() throws Exception {
        f.auditedSite("{enabled: true, backends: [jsonl, {name: jsonl, path: second-disk/logs.jsonl}]}");
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> audit = (Map<String, Object>) ((Map<String, Map<String, Object>>) project.siteConfig()
                    .get("profiles")).get("dev").get("audit");
            assertEquals(List.of("jsonl", Map.of("name", "jsonl", "path", "second-disk/logs.jsonl")),
                    audit.get("backends"), "the site map shows the entries as written");
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
            awaitRecords(1);
            Path second = dir.resolve("second-disk/logs.jsonl");
            for (int i = 0; i < 100 && backend.records(second).isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(backend.records(log), backend.records(second), "a relative path is taken from the working directory, as audit.path");
        }
    }

    @Test
    void anErrorFromOneBackendLeavesTheOtherWritingEachRecordOnce() throws Exception {
        MemoryAuditBackend mirror = mirrored("");
        mirror.crashWrites = new StackOverflowError("a backend's bug");
        try (Project project = f.open()) {
            for (String name : List.of("a", "b", "c")) {
                call(project, "login", row("user_name", name, "password", "p"), null, null);
            }
            awaitRecords(3);
            Thread.sleep(300); // a retry of a batch jsonl took would show up here
            assertEquals(3, backend.records(log).size(), "each record once in the backend that works");
            mirror.crashWrites = null;
            awaitRecords(mirror, 3);
            assertEquals(backend.records(log), mirror.records(log));
        }
    }

    @Test
    void aServerStartedWhileTheLogWithTheNewestRecordsIsDownGoesOnFromTheSignedCheckpoint() throws Exception {
        f.service.bindAuditBackend(backend);
        logins(3); // jsonl alone; its writer signs the chain as it stops
        f.auditedSite("{enabled: true, backends: [jsonl, mirror]}");
        MemoryAuditBackend mirror = new MemoryAuditBackend("mirror");
        f.service.bindAuditBackend(mirror);
        backend.failOpens = new IOException("Permission denied");
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "d", "password", "p"), null, null);
            awaitRecords(mirror, 1);
            assertEquals(backend.records(log).getLast().recordHash(), mirror.records(log).getFirst().prevHash(),
                    "the new backend's first record follows the signed head, not a chain of its own");
            backend.failOpens = null;
            awaitRecords(4);
            ChainCheck check = project.auditTrail().verify();
            assertEquals(List.of(), check.chainBreaks(), "jsonl's chain runs on unbroken once it is back");
            assertTrue(check.valid(), check::toString);
        }
    }

    @Test
    void entriesStoringInTheSameFilesAreWrittenOnce() throws Exception {
        f.auditedSite("{enabled: true, backends: [jsonl, {name: jsonl, path: audit/logs-dev.log}]}");
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
            awaitRecords(1);
            Thread.sleep(200);
            assertEquals(1, backend.records(log).size());
            assertTrue(backend.records(dir.resolve("audit/logs-dev.log")).isEmpty());
        }
    }

    @Test
    void failClosedRefusesCallsWhileNoneOfTheBackendsIsInstalled() throws Exception {
        f.auditedSite("{enabled: true, mode: fail_closed, backends: [jsonl, mirror]}");
        try (Project project = f.open()) {
            assertEquals(List.of("missing", "missing"), project.auditTrail().backends().stream()
                    .map(AuditTrail.BackendState::state).toList(), "no bundle provides either yet");
            EndpointException refused = assertThrows(EndpointException.class,
                    () -> call(project, "login", row("user_name", "a", "password", "p"), null, null));
            assertEquals("The audit log cannot be written, so the call was refused: audit.mode is fail_closed",
                    refused.getMessage());
            MemoryAuditBackend mirror = new MemoryAuditBackend("mirror");
            f.service.bindAuditBackend(mirror);
            call(project, "login", row("user_name", "b", "password", "p"), null, null);
            assertEquals(1, runs.get(), "one of them is enough");
        }
    }

    @Test
    void retentionKeepsEndpointRecordsNinetyDays() throws Exception {
        f.service.bindAuditBackend(backend);
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "a", "password", "p"), null, null);
        }
        backend.tamper(log, 0, r -> new AuditRecord(r.schemaName(), r.schemaVersion(), r.recordId(),
                Instant.now().minus(Duration.ofDays(91)), r.operationType(), r.operationName(), r.operationStatus(),
                r.durationMs(), r.callerType(), r.userId(), r.sessionId(), r.traceId(), r.inputData(), r.outputData(),
                r.error(), r.policiesEvaluated(), r.policyDecision(), r.policyReason(), r.businessContext(),
                r.executionEvents(), r.prevHash(), r.recordHash(), r.signature()));
        try (Project project = f.open()) {
            call(project, "login", row("user_name", "b", "password", "p"), null, null);
        }
        try (Project project = f.open()) {
            assertEquals(Map.of("mxcp.endpoints:v2", 1L), project.auditTrail().applyRetention(true));
            assertEquals(2, backend.records(log).size(), "a dry run removes nothing");
            assertEquals(Map.of("mxcp.endpoints:v2", 1L), project.auditTrail().applyRetention(false));
            assertEquals(List.of("b"), backend.records(log).stream().map(r -> r.inputData().get("user_name")).toList());
        }
    }

    /** Audits to jsonl and a second backend, mirror, both installed; returns mirror. */
    private MemoryAuditBackend mirrored(String moreSettings) throws IOException {
        f.auditedSite("{enabled: true, " + moreSettings + "backends: [jsonl, mirror]}");
        MemoryAuditBackend mirror = new MemoryAuditBackend("mirror");
        f.service.bindAuditBackend(backend);
        f.service.bindAuditBackend(mirror);
        return mirror;
    }

    /** Opens the project, makes that many server calls and closes it (its writer signs the chain as it stops). */
    private void logins(int count) throws Exception {
        try (Project project = f.open()) {
            for (int i = 0; i < count; i++) {
                call(project, "login", row("user_name", "u" + i, "password", "p"), null, null);
            }
        }
    }

    private void failClosed() throws Exception {
        f.auditedSite("{enabled: true, mode: fail_closed}");
    }

    private AuditRecord single() {
        List<AuditRecord> records = backend.records(log);
        assertEquals(1, records.size(), records::toString);
        return records.get(0);
    }

    private void awaitRecords(int count) throws InterruptedException {
        awaitRecords(backend, count);
    }

    private void awaitRecords(MemoryAuditBackend in, int count) throws InterruptedException {
        for (int i = 0; i < 200 && in.records(log).size() < count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, in.records(log).size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Project project, String tool, Map<String, Object> arguments, UserContext user,
            String session) throws EndpointException {
        CallOptions options = new CallOptions(user, Map.of(), null, false)
                .withAuditCaller(new AuditCaller("http", session));
        return (Map<String, Object>) project.execute(EndpointKind.TOOL, tool, arguments, options);
    }

    private static UserContext as(String id, Map<String, Object> profile) {
        return new UserContext(id, id, null, null, null, "test", List.of(), null, profile);
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
