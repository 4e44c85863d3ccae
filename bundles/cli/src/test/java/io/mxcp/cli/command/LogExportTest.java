package io.mxcp.cli.command;

import static io.mxcp.cli.fakes.AuditRecordBuilder.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeAuditTrail;

class LogExportTest extends ProjectFolderTest {

    private static final String HEADER = "record_id,timestamp,caller_type,operation_type,operation_name,duration_ms,"
            + "user_id,session_id,trace_id,operation_status,error,policy_decision,policy_reason,business_context,"
            + "execution_events,schema_name,schema_version,input_data,output_data,policies_evaluated,prev_hash,"
            + "record_hash,signature";

    private FakeAuditTrail audit;

    @BeforeEach
    void auditedProject() {
        audit = project.audit;
        audit.enabled = true;
        audit.records.add(call("r1", "tool", "hello", "2026-01-15T10:30:45.5Z").by("alice", "s-1")
                .policy("allow").data(Map.of("who", "Ada"), Map.of("greeting", "Hello, Ada!"))
                .context(Map.of("operation_name", "hello")).chained(null, "sha256:aa").build());
        audit.records.add(call("r2", "tool", "hello", "2026-01-15T11:00:00Z")
                .failed("bad input: \"who\", line 1\nline 2").chained("sha256:aa", "sha256:bb").build());
    }

    @Test
    void csvHasTheExportColumnsAndEveryMatchQuotedAsRfc4180() throws Exception {
        Cli.Outcome outcome = cli.run("log", "--export-csv", "audit.csv", "--limit", "1");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("Exported 2 records to audit.csv\n", outcome.out());
        assertEquals(0, audit.queries.getLast().limit(), "an export takes every match, whatever --limit says");
        assertEquals(HEADER + "\r\n"
                + "r2,2026-01-15T11:00:00Z,http,tool,hello,12,,,,error,\"bad input: \"\"who\"\", line 1\nline 2\",,,{},"
                + "[],mxcp.endpoints,2,{},,[],sha256:aa,sha256:bb,\r\n"
                + "r1,2026-01-15T10:30:45.500Z,http,tool,hello,12,alice,s-1,,success,,allow,,"
                + "\"{\"\"operation_name\"\":\"\"hello\"\"}\",[],mxcp.endpoints,2,\"{\"\"who\"\":\"\"Ada\"\"}\","
                + "\"{\"\"greeting\"\":\"\"Hello, Ada!\"\"}\",[],,sha256:aa,\r\n",
                Files.readString(root.resolve("audit.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistSaysSo() {
        Cli.Outcome outcome = cli.run("log", "--export-csv", "nowhere/audit.csv");
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("Error: Cannot write nowhere/audit.csv: its folder does not exist"),
                outcome.err());
    }

    @Test
    void csvOfNoRecordsIsAnEmptyFile() throws Exception {
        Cli.Outcome outcome = cli.run("log", "--export-csv", "audit.csv", "--tool", "nope", "--json");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "exported": 0,
                    "format": "csv",
                    "path": "audit.csv"
                  }
                }
                """, outcome.out());
        assertEquals("", Files.readString(root.resolve("audit.csv")));
    }

    @Test
    void duckdbTableIsTypedFromTheFirstRecordAndAppendedTo() throws Exception {
        Cli.Outcome first = cli.run("log", "--export-duckdb", "audit.duckdb", "--status", "success");
        assertEquals(0, first.exit(), first.err());
        assertEquals("Exported 1 records to audit.duckdb\n", first.out());
        Cli.Outcome second = cli.run("log", "--export-duckdb", "audit.duckdb", "--json");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains(
                "\"exported\": 2,\n    \"format\": \"duckdb\",\n    \"path\": \"audit.duckdb\""), second.out());

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + root.resolve("audit.duckdb"));
                Statement sql = connection.createStatement()) {
            Map<String, String> columns = new LinkedHashMap<>();
            try (ResultSet rows = sql.executeQuery("DESCRIBE audit_logs")) {
                while (rows.next()) {
                    columns.put(rows.getString("column_name"), rows.getString("column_type"));
                }
            }
            assertEquals(HEADER, String.join(",", columns.keySet()));
            assertEquals("VARCHAR", columns.get("timestamp"));
            assertEquals("BIGINT", columns.get("duration_ms"));
            assertEquals("BIGINT", columns.get("schema_version"));
            assertEquals("JSON", columns.get("input_data"));
            assertEquals("JSON", columns.get("output_data"), "the first record exported returned an object");
            assertEquals("VARCHAR", columns.get("error"), "null in the first record exported");

            List<String> exported = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT record_id, input_data->>'who', output_data, error "
                    + "FROM audit_logs ORDER BY rowid")) {
                while (rows.next()) {
                    exported.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
            assertEquals(List.of("r1 Ada {\"greeting\":\"Hello, Ada!\"} null",
                    "r2 null null bad input: \"who\", line 1\nline 2",
                    "r1 Ada {\"greeting\":\"Hello, Ada!\"} null"), exported);
        }
    }

    @Test
    void duckdbWinsOverCsvAndNoRecordsMakeNoTable() throws SQLException {
        Cli.Outcome outcome = cli.run("log", "--export-duckdb", "empty.duckdb", "--export-csv", "audit.csv",
                "--tool", "nope");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("Exported 0 records to empty.duckdb\n", outcome.out());
        assertFalse(Files.exists(root.resolve("audit.csv")));
        Path database = root.resolve("empty.duckdb");
        assertTrue(Files.exists(database));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                ResultSet tables = connection.createStatement().executeQuery("SHOW TABLES")) {
            assertFalse(tables.next());
        }
    }
}
