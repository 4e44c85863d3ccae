package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (spec 03 §3) of `mxcp serve` read back with `mxcp log` (spec 02b §5): the JSONL backend bundle of
 * the distribution writes a record per call — policy decisions and sensitive values as keyed HMACs included — readable
 * while the server runs, all flushed when it stops, and an edited record breaks the hash chain; records cut from the
 * end are reported against the last signed checkpoint; fail-closed mode refuses what it cannot record; the
 * profile's redactions apply before a record is written.
 */
class AuditIT {

    private static Path work;
    private static Mxcp mxcp;
    private static Path project;
    private static List<String> served;

    @BeforeAll
    static void serveAndCall() throws IOException {
        work = Distribution.freshWorkFolder(AuditIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = Files.createDirectories(work.resolve("audited"));
        Files.writeString(project.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: audited
                profile: default
                profiles:
                  default:
                    audit:
                      enabled: true
                      redactions: [{field_path: who, strategy: hash}]
                """);
        Files.createDirectories(project.resolve("tools"));
        Files.copy(Distribution.clientScripts().resolve("project-extras/tools/salary.yml"),
                project.resolve("tools/salary.yml"));
        Files.writeString(project.resolve("tools/login.yml"), """
                mxcp: 1
                tool:
                  name: login
                  parameters:
                    - {name: user_name, type: string}
                    - {name: password, type: string, sensitive: true}
                  return: {type: object, properties: {welcome: {type: string}, checked: {type: boolean}}}
                  source: {code: "SELECT 'hello ' || $user_name AS welcome, length($password) > 0 AS checked"}
                """);

        int port = FreePort.find();
        try (ServerProcess server = mxcp.serve(project, port)) {
            McpHttpClient client = new McpHttpClient(port);
            served = new ArrayList<>();
            served.add(client.callTool("login", Map.of("user_name", "ann", "password", "hunter2")).successText());
            served.add(client.callTool("salary", Map.of("who", "ceo")).failureText());
            served.add(client.callTool("salary", Map.of("who", "bob")).successText());

            // readable beside the running server: the writer hands records over within a second
            Poll.until(Duration.ofSeconds(10), "3 records in the audit log while the server runs", () -> {
                CommandResult log = mxcp.run(project, "log", "--json");
                return log.exitCode() == 0 && count(log) == 3 ? log : null;
            }, server::describe);

            client.callTool("login", Map.of("user_name", "cy", "password", "pw"));
            server.signal("TERM");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server::describe);
        }
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void everyCallIsRecordedNewestFirstWithItsPolicyDecision() {
        assertEquals("{\"welcome\":\"hello ann\",\"checked\":true}", served.get(0));
        assertTrue(served.get(1).contains("The CEO's salary is private"), served.get(1));

        CommandResult log = mxcp.run(project, "log", "--json");
        assertEquals(0, log.exitCode(), log::describe);
        assertEquals(4, count(log), "the call made just before SIGTERM was flushed at shutdown: " + log.describe());
        JsonNode records = log.json().path("result").path("records");
        assertEquals(List.of("login", "salary", "salary", "login"), names(records), log::describe);
        JsonNode denied = records.path(2);
        assertEquals("error", denied.path("operation_status").asText(), log::describe);
        assertEquals("deny", denied.path("policy_decision").asText(), log::describe);
        assertEquals("http", denied.path("caller_type").asText(), log::describe);

        CommandResult deniedOnly = mxcp.run(project, "log", "--tool", "salary", "--policy", "deny", "--json");
        assertEquals(1, count(deniedOnly), deniedOnly::describe);
        CommandResult warned = mxcp.run(project, "log", "--policy", "warn", "--json");
        assertEquals(1, count(warned), "the salary removed for a caller outside HR: " + warned.describe());

        CommandResult text = mxcp.run(project, "log", "--status", "error");
        assertEquals(0, text.exitCode(), text::describe);
        assertTrue(text.stdout().lines()
                .anyMatch(row -> row.startsWith("❌") && row.matches(".*\\btool +salary +deny\\b.*")), text::describe);
        assertTrue(text.stdout().contains("Total records: 1"), text::describe);
    }

    @Test
    void sensitiveArgumentsNeverReachTheLogFileButAnOperatorCanFindAKnownOne() throws IOException {
        String written = String.join("\n", logLines());
        CommandResult hmac = mxcp.run(project, "log", "--hmac-of", "hunter2", "--json");
        assertEquals(0, hmac.exitCode(), hmac::describe);
        String recordedAs = hmac.json().path("result").path("hmac").asText();
        assertTrue(recordedAs.matches("hmac-sha256:[0-9a-f]{64}"), hmac::describe);
        assertTrue(written.contains("\"password\":\"" + recordedAs + "\""), written);
        assertFalse(written.contains("hunter2"), written);
        assertFalse(written.contains("5200.5"), "the salary filtered for the caller is not in the log either");
    }

    @Test
    void theProfilesRedactionsApplyBeforeARecordIsWrittenUnderASchemaVersionOfTheirOwn() throws IOException {
        String written = String.join("\n", logLines());
        // sha256 of "bob", as the original's hash strategy writes it
        assertTrue(written.contains("\"who\":\"sha256:81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9\""),
                written);
        assertFalse(written.contains("\"who\":\"bob\""), written);
        assertFalse(written.contains("\"who\":\"ceo\""), written);
        assertTrue(logLines().stream().allMatch(line -> line.contains("\"schema_version\":3")), written);

        List<String> registry = Files.readAllLines(project.resolve("audit/logs-default_schemas.jsonl"));
        assertEquals(3, registry.size(), registry::toString);
        assertTrue(registry.get(2).contains("\"version\":3") && registry.get(2).contains(
                "\"field_redactions\":[{\"field_path\":\"who\",\"strategy\":\"hash\",\"options\":{}}]"),
                registry::toString);
    }

    @Test
    void theHashChainHoldsUntilARecordIsEdited() throws IOException {
        CommandResult intact = mxcp.run(project, "log", "--verify");
        assertEquals(0, intact.exitCode(), intact::describe);
        assertTrue(intact.stdout().contains("valid (4 records checked)"), intact::describe);

        Path copy = work.resolve("edited");
        Trees.copy(project, copy);
        Path segment = segments(copy).get(0);
        String edited = Files.readString(segment).replace("\"user_name\":\"ann\"", "\"user_name\":\"eve\"");
        Files.writeString(segment, edited);
        CommandResult broken = mxcp.run(copy, "log", "--verify", "--json");
        assertEquals(1, broken.exitCode(), broken::describe);
        JsonNode result = broken.json().path("result");
        assertFalse(result.path("valid").asBoolean(true), broken::describe);
        assertEquals(1, result.path("chain_breaks").size(), broken::describe);
    }

    @Test
    void recordsCutFromTheEndAreReportedAgainstTheLastSignedCheckpointFromTheFilesAlone() throws IOException {
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(project.resolve("audit/logs-default.signing-key")));
        CommandResult intact = mxcp.run(project, "log", "--verify");
        assertTrue(intact.stdout().contains("Signed through record 4 (checkpoint of "), intact::describe);

        Path copy = work.resolve("cut");
        Trees.copy(project, copy);
        Path segment = segments(copy).get(0);
        List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        Files.write(segment, lines.subList(0, lines.size() - 2), StandardCharsets.UTF_8);
        CommandResult cut = mxcp.run(copy, "log", "--verify", "--json");
        assertEquals(1, cut.exitCode(), cut::describe);
        JsonNode breaks = cut.json().path("result").path("chain_breaks");
        assertEquals(1, breaks.size(), cut::describe);
        assertTrue(breaks.path(0).asText().matches("2 records are missing at the end of the log: the checkpoint of"
                + " \\S+ signed 4 records, the log holds 2"), cut::describe);
    }

    @Test
    void failClosedRefusesCallsBeforeTheyRunWhileTheLogsFolderCannotTakeAFile() throws IOException {
        Path closed = Files.createDirectories(work.resolve("fail-closed"));
        Files.writeString(closed.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: closed
                profile: default
                profiles:
                  default:
                    audit: {enabled: true, mode: fail_closed, path: blocked/logs.jsonl}
                """);
        // a file where the log's folder should be: the log cannot be opened
        Files.writeString(closed.resolve("blocked"), "not a folder");
        Files.createDirectories(closed.resolve("tools"));
        Files.writeString(closed.resolve("tools/visit.yml"), """
                mxcp: 1
                tool:
                  name: visit
                  parameters: [{name: who, type: string}]
                  source: {code: "INSERT INTO visits VALUES ($who) RETURNING who"}
                """);
        CommandResult table = mxcp.run(closed, "query", "CREATE TABLE visits (who VARCHAR)");
        assertEquals(0, table.exitCode(), table::describe);

        int port = FreePort.find();
        List<String> failures = new ArrayList<>();
        try (ServerProcess server = mxcp.serve(closed, port)) {
            McpHttpClient client = new McpHttpClient(port);
            failures.add(client.callTool("visit", Map.of("who", "ann")).failureText());
            failures.add(client.callTool("visit", Map.of("who", "bob")).failureText());
            server.signal("TERM");
            server.awaitExit(Duration.ofSeconds(30));
        }
        Path log = closed.resolve("blocked/logs.jsonl");
        // the log's folder could not take a file from the start: the first call is refused before it runs too
        for (String failure : failures) {
            assertTrue(failure.contains("The audit log cannot be written, so the call was refused: audit.mode is"
                    + " fail_closed"), failures::toString);
        }
        assertTrue(failures.stream().noneMatch(failure -> failure.contains(closed.toString())),
                "a client is not shown the server's paths: " + failures);
        CommandResult visits = mxcp.run(closed, "query", "--json-output", "SELECT who FROM visits");
        assertEquals(0, visits.json().path("result").size(), "no refused call ran: " + visits.describe());
    }

    @Test
    void recordsExportToCsvAndToADuckDbTable() throws IOException {
        CommandResult csv = mxcp.run(project, "log", "--policy", "deny", "--export-csv", "denied.csv");
        assertEquals(0, csv.exitCode(), csv::describe);
        assertTrue(csv.stdout().contains("Exported 1 records to denied.csv"), csv::describe);
        List<String> lines = Files.readAllLines(project.resolve("denied.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("record_id,timestamp,caller_type,operation_type,operation_name"),
                lines::toString);
        assertTrue(lines.get(1).contains("Policy enforcement failed: The CEO's salary is private"), lines::toString);

        CommandResult duckdb = mxcp.run(project, "log", "--export-duckdb", "audit.duckdb", "--json");
        assertEquals(0, duckdb.exitCode(), duckdb::describe);
        assertEquals(4, duckdb.json().path("result").path("exported").asInt(), duckdb::describe);
        CommandResult counted = mxcp.run(project, "query", "--json-output", "ATTACH 'audit.duckdb' AS exported"
                + " (READ_ONLY); SELECT count(*) AS n, count(DISTINCT record_hash) AS hashes FROM exported.audit_logs");
        assertEquals(0, counted.exitCode(), counted::describe);
        assertEquals(4, counted.json().path("result").path(0).path("n").asInt(), counted::describe);
        assertEquals(4, counted.json().path("result").path(0).path("hashes").asInt(), counted::describe);
    }

    @Test
    void aBadSinceValueIsNamed() {
        CommandResult bad = mxcp.run(project, "log", "--since", "yesterday");
        assertEquals(1, bad.exitCode(), bad::describe);
        assertTrue(bad.stderr().contains("Invalid time format: yesterday. Use format like '10m', '2h', '1d'")
                || bad.stdout().contains("Invalid time format: yesterday"), bad::describe);
    }

    private static List<String> logLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path segment : segments(project)) {
            lines.addAll(Files.readAllLines(segment, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static List<Path> segments(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("audit"))) {
            return files.filter(file -> file.getFileName().toString().matches("logs-default-.*\\.jsonl"))
                    .filter(file -> file.toFile().length() > 0).sorted().toList();
        }
    }

    private static int count(CommandResult log) {
        return log.json().path("result").path("count").asInt(-1);
    }

    private static List<String> names(JsonNode records) {
        List<String> names = new ArrayList<>();
        records.forEach(record -> names.add(record.path("operation_name").asText()));
        return names;
    }
}
