package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.api.AuditCaller;
import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * The schemas audit records are written under (spec 03 §3.4–3.5): the registry beside the log, the profile's
 * redactions and retention (ours) registered as a new version, and a registry the original wrote honoured.
 */
class AuditSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDACTIONS = """
            {enabled: true, redactions: [
                      {field_path: email, strategy: email},
                      {field_path: card.number, strategy: partial, options: {show_first: 0, show_last: 4}},
                      {field_path: customer_id, strategy: hash},
                      {field_path: note, strategy: truncate, options: {length: 5}},
                      {field_path: age, strategy: preserve_type},
                      {field_path: token, strategy: full}]}""";

    @TempDir
    Path dir;

    private ProjectFixture f;
    private final MemoryAuditBackend backend = new MemoryAuditBackend();
    private Path log;
    private Path registry;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("tools/signup.yml", """
                tool:
                  name: signup
                  parameters:
                    - {name: email, type: string, format: email}
                    - {name: card, type: object, properties: {number: {type: string}, brand: {type: string}}}
                    - {name: customer_id, type: integer}
                    - {name: note, type: string}
                    - {name: age, type: integer}
                    - {name: password, type: string, sensitive: true}
                  return: {type: object, properties: {token: {type: string}, region: {type: string}}}
                  source: {code: "SELECT 1"}
                """).write("tools/people.yml", """
                tool:
                  name: people
                  return: {type: array, items: {type: object, properties: {name: {type: string}, email: {type: string}}}}
                  source: {code: "SELECT 1"}
                """);
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> source.name().equals("people")
                ? List.of(row("name", "Ann", "email", "ann.lee@example.com"), row("name", "Bo", "email", "bo@x.org"))
                : List.of(row("token", "tok-1", "region", "eu"))));
        f.service.bindAuditBackend(backend);
        log = dir.resolve("audit/logs-dev.jsonl");
        registry = dir.resolve("audit/logs-dev_schemas.jsonl");
    }

    @Test
    void theProfilesRedactionsApplyToEveryRecordUnderAVersionOfTheirOwn() throws Exception {
        f.auditedSite(REDACTIONS);
        try (Project project = f.open()) {
            assertEquals(row("token", "tok-1", "region", "eu"), signup(project), "the caller gets the values");
            assertTrue(project.auditTrail().verify().valid(), "the chain covers the redacted record");
        }
        AuditRecord record = single();
        assertEquals(3, record.schemaVersion(), "the version with the profile's redactions");
        Map<String, Object> input = record.inputData();
        assertEquals("a***@example.com", input.get("email"));
        assertEquals(row("number", "***1111", "brand", "visa"), input.get("card"));
        assertEquals("sha256:73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049",
                input.get("customer_id"), "sha256 of Python's str(42)");
        assertEquals("hello...", input.get("note"));
        assertEquals(0L, input.get("age"));
        assertTrue(String.valueOf(input.get("password")).startsWith("hmac-sha256:"), "sensitive values as before");
        assertEquals(row("token", "[REDACTED]", "region", "eu"), record.outputData());
        assertEquals(row("operation_type", "tool", "operation_name", "signup", "operation_status", "success"),
                record.businessContext());

        List<Map<String, Object>> lines = registryLines();
        assertEquals(List.of("mxcp.endpoints:2", "mxcp.access:1", "mxcp.endpoints:3"), keys(lines));
        Map<String, Object> own = lines.get(2);
        assertEquals("mxcp (the profile's audit settings)", own.get("created_by"));
        assertEquals(90, own.get("retention_days"));
        assertEquals(Map.of("field_path", "card.number", "strategy", "partial", "options",
                Map.of("show_first", 0, "show_last", 4)), ((List<?>) own.get("field_redactions")).get(1));
        assertEquals(List.of(), lines.get(0).get("field_redactions"), "the built-in schema redacts nothing");
    }

    @Test
    void aChangeOfTheProfilesRulesRegistersTheNextVersionAndTheSameRulesNone() throws Exception {
        f.auditedSite(REDACTIONS);
        callOnce();
        callOnce();
        assertEquals(3, registryLines().size(), "the same rules again: nothing registered");
        f.auditedSite("{enabled: true, redactions: [{field_path: email, strategy: full}]}");
        callOnce();
        f.auditedSite("{enabled: true, redactions: []}");
        callOnce();
        f.auditedSite("{enabled: true}");
        callOnce();
        assertEquals(List.of("mxcp.endpoints:2", "mxcp.access:1", "mxcp.endpoints:3", "mxcp.endpoints:4",
                "mxcp.endpoints:5"), keys(registryLines()));
        List<AuditRecord> records = backend.records(log);
        assertEquals(List.of(3, 3, 4, 5, 5), records.stream().map(AuditRecord::schemaVersion).toList(),
                "without the key the registry's latest version applies");
        assertEquals("[REDACTED]", records.get(2).inputData().get("email"));
        assertEquals("ann.lee@example.com", records.get(3).inputData().get("email"));
    }

    @Test
    void aRegistryTheOriginalWroteIsHonouredAndItsDeactivationFollowed() throws Exception {
        f.auditedSite("{enabled: true}");
        Files.createDirectories(registry.getParent());
        Files.writeString(registry, """
                {"schema_name": "mxcp.endpoints", "version": 2, "description": "Endpoint execution", "retention_days": 90, "evidence_level": "detailed", "extract_fields": ["operation_type", "operation_name", "operation_status", "policy_decision"], "require_signature": false, "created_at": "2025-06-01T10:00:00.123456", "created_by": null, "active": true, "indexes": [], "fields": [], "field_redactions": []}
                not a schema
                {"schema_name": "mxcp.endpoints", "version": 3, "retention_days": 30, "extract_fields": ["operation_name", "email", "card.brand"], "active": true, "field_redactions": [{"field_path": "email", "strategy": "hash", "options": {"algorithm": "sha1", "prefix": ""}}, {"field_path": "note", "strategy": "scramble"}]}
                """);
        callOnce();
        AuditRecord record = single();
        assertEquals(3, record.schemaVersion());
        assertEquals("7c19278bb10ed6a4de93a575cbb7f269995102a7", record.inputData().get("email"),
                "sha1 with the registry's empty prefix");
        assertEquals("[REDACTED]", record.inputData().get("note"), "a strategy this version does not know hides all");
        assertEquals(row("operation_name", "signup", "email", "7c19278bb10ed6a4de93a575cbb7f269995102a7", "brand",
                "visa"),
                record.businessContext(), "extracted from the redacted arguments");
        assertEquals(List.of("mxcp.endpoints:2", "mxcp.endpoints:3", "mxcp.access:1"), keys(registryLines()),
                "only what the registry lacked was added");

        Files.writeString(registry, """
                {"schema_name": "mxcp.endpoints", "version": 3, "active": false, "field_redactions": []}
                """, StandardOpenOption.APPEND);
        callOnce();
        AuditRecord after = backend.records(log).get(1);
        assertEquals(2, after.schemaVersion(), "the deactivated version no longer applies");
        assertEquals("ann.lee@example.com", after.inputData().get("email"));
    }

    @Test
    void eachRecordIsKeptAsLongAsTheVersionItWasWrittenUnderSays() throws Exception {
        f.auditedSite("{enabled: true}");
        callOnce();
        f.auditedSite("{enabled: true, retention_days: 30}");
        callOnce();
        f.auditedSite("{enabled: true, retention_days: 400}");
        callOnce();
        for (int i = 0; i < 3; i++) {
            aged(i, Duration.ofDays(100));
        }
        try (Project project = f.open()) {
            assertEquals(Map.of("mxcp.endpoints:v2", 1L, "mxcp.endpoints:v3", 1L),
                    project.auditTrail().applyRetention(false), "90 and 30 days are over, 400 are not");
        }
        assertEquals(List.of(4), backend.records(log).stream().map(AuditRecord::schemaVersion).toList());
        List<Map<String, Object>> lines = registryLines();
        assertEquals(List.of("mxcp.endpoints:2", "mxcp.access:1", "mxcp.endpoints:3", "mxcp.access:2",
                "mxcp.endpoints:4", "mxcp.access:3"), keys(lines));
        assertEquals(400, lines.get(5).get("retention_days"), "refused requests are kept as long");
    }

    @Test
    void valuesARedactionHidesAreTakenOutOfTheErrorAndEveryRowOfAnArrayResult() throws Exception {
        f.auditedSite("{enabled: true, redactions: [{field_path: email, strategy: full}]}");
        try (Project project = f.open()) {
            Map<String, Object> arguments = signupArguments();
            arguments.put("email", "secret-token-123");
            CallOptions options = new CallOptions(null, Map.of(), null, false)
                    .withAuditCaller(new AuditCaller("http", null));
            EndpointException failed = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "signup", arguments, options));
            assertTrue(failed.getMessage().contains("secret-token-123"), "the caller sees its own value");
            project.execute(EndpointKind.TOOL, "people", Map.of(), options);
        }
        List<AuditRecord> records = backend.records(log);
        String error = records.get(0).error();
        assertFalse(error.contains("secret-token-123"), error);
        assertTrue(error.contains("[REDACTED]"), error);
        assertEquals(List.of(row("name", "Ann", "email", "[REDACTED]"), row("name", "Bo", "email", "[REDACTED]")),
                records.get(1).outputData());
    }

    @Test
    void aSensitiveValueKeepsItsWholeHmacWhateverARedactionSays() throws Exception {
        f.auditedSite("{enabled: true, redactions: [{field_path: password, strategy: partial,"
                + " options: {min_length: 0, show_last: 4}}]}");
        String hmac;
        try (Project project = f.open()) {
            signup(project);
            hmac = project.auditTrail().hmacOf("hunter2");
        }
        assertEquals(hmac, single().inputData().get("password"), "mxcp log --hmac-of still finds it");
    }

    @Test
    void registryLinesThatAreNoSchemaAreSkippedAndAHandWrittenLastLineCounts() throws Exception {
        f.auditedSite("{enabled: true}");
        Files.createDirectories(registry.getParent());
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, '"', ':', '1', '}', '\n'};
        Files.write(registry, ("null\n[1, 2]\n").getBytes(StandardCharsets.UTF_8));
        Files.write(registry, notUtf8, StandardOpenOption.APPEND);
        Files.writeString(registry, """
                {"schema_name": "mxcp.endpoints", "version": 7, "field_redactions": [{"field_path": "note", "strategy": "full"}]}
                {"schema_name": "mxcp.endpoints", "version": 8, "active": false}""", StandardOpenOption.APPEND);
        callOnce();
        assertEquals(7, single().schemaVersion(), "the last line, without its newline, deactivated version 8");
        assertEquals("[REDACTED]", single().inputData().get("note"));
        List<String> lines = textLines();
        assertEquals("{\"schema_name\": \"mxcp.endpoints\", \"version\": 8, \"active\": false}", lines.get(4),
                "what was appended after it starts a line of its own");
        assertEquals(List.of("mxcp.endpoints:7", "mxcp.endpoints:8", "mxcp.endpoints:2", "mxcp.access:1"),
                keys(registryLines()));
    }

    @Test
    void aRegistryThatCannotBeReadIsLeftAsItIsWhileTheProfilesRulesStillApply() throws Exception {
        f.auditedSite(REDACTIONS);
        Files.createDirectories(registry); // a folder where the file should be: it cannot be read
        callOnce();
        AuditRecord record = single();
        assertEquals(3, record.schemaVersion());
        assertEquals("a***@example.com", record.inputData().get("email"), "the redactions apply all the same");
        assertTrue(Files.isDirectory(registry), "nothing was appended");
        try (Project project = f.open()) {
            ProjectException refused = assertThrows(ProjectException.class,
                    () -> project.auditTrail().applyRetention(true));
            assertTrue(refused.getMessage().startsWith("Retention was not applied: the audit schema registry "
                    + registry + " cannot be read"), refused.getMessage());
        }
    }

    private void callOnce() throws Exception {
        try (Project project = f.open()) {
            signup(project);
        }
    }

    private void aged(int index, Duration age) {
        backend.tamper(log, index, r -> new AuditRecord(r.schemaName(), r.schemaVersion(), r.recordId(),
                Instant.now().minus(age), r.operationType(), r.operationName(), r.operationStatus(), r.durationMs(),
                r.callerType(), r.userId(), r.sessionId(), r.traceId(), r.inputData(), r.outputData(), r.error(),
                r.policiesEvaluated(), r.policyDecision(), r.policyReason(), r.businessContext(), r.executionEvents(),
                r.prevHash(), r.recordHash(), r.signature()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signup(Project project) throws Exception {
        Map<String, Object> arguments = signupArguments();
        CallOptions options = new CallOptions(null, Map.of(), null, false)
                .withAuditCaller(new AuditCaller("http", null));
        return (Map<String, Object>) project.execute(EndpointKind.TOOL, "signup", arguments, options);
    }

    private static Map<String, Object> signupArguments() {
        return row("email", "ann.lee@example.com", "card", row("number", "4111111111111111", "brand", "visa"),
                "customer_id", 42, "note", "hello world", "age", 37, "password", "hunter2");
    }

    private AuditRecord single() {
        List<AuditRecord> records = backend.records(log);
        assertEquals(1, records.size(), records::toString);
        return records.getFirst();
    }

    @SuppressWarnings("unchecked")
    /** The registry's lines that name a schema, parsed. */
    private List<Map<String, Object>> registryLines() throws IOException {
        return textLines().stream().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return (Map<String, Object>) JSON.readValue(line, Map.class);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(schema -> schema.get("schema_name") != null).toList();
    }

    /** The registry's lines, a byte that is not UTF-8 read as a replacement character. */
    private List<String> textLines() throws IOException {
        return List.of(new String(Files.readAllBytes(registry), StandardCharsets.UTF_8).split("\n"));
    }

    private static List<String> keys(List<Map<String, Object>> lines) {
        return lines.stream().map(line -> line.get("schema_name") + ":" + line.get("version")).toList();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
