package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeServices;
import io.mxcp.core.api.EndpointException;

class QueryCommandTest extends ProjectFolderTest {

    @Test
    void jsonOutputIsTheRowsInTheEnvelope() {
        project.rows = List.of(row("x", 1));
        Cli.Outcome outcome = cli.run("query", "SELECT 1 AS x", "--json-output");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("{\n  \"status\": \"ok\",\n  \"result\": [\n    {\n      \"x\": 1\n    }\n  ]\n}\n", outcome.out());
        assertEquals("SELECT 1 AS x", project.queriedSql);
        assertTrue(project.closed);
    }

    @Test
    void parametersAreBoundAsStringsOrFileJson() throws IOException {
        Files.writeString(root.resolve("ids.json"), "[1, 2]");
        cli.run("query", "SELECT $n, $ids", "-p", "n=5", "--param", "ids=@ids.json", "--json-output");
        assertEquals(Map.of("n", "5", "ids", List.of(1, 2)), project.calledArguments);

        Files.writeString(root.resolve("filter.json"), "{\"a\": true, \"b\": null}");
        String shown = cli.run("query", "SELECT $ids, $filter", "-p", "ids=@ids.json", "-p", "filter=@filter.json").out();
        assertTrue(shown.contains("   • $ids = [1, 2]\n   • $filter = {'a': True, 'b': None}\n"), shown);
    }

    @Test
    void outsideAProjectOnlyTheErrorIsPrinted(@TempDir Path elsewhere) {
        Cli.Outcome outcome = new Cli(elsewhere, new FakeServices(project)).run("query", "SELECT 1");
        assertEquals(1, outcome.exit());
        assertFalse(outcome.out().contains("Executing Query"), outcome.out());
        assertTrue((outcome.out() + outcome.err()).contains("No mxcp-site.yml found"), outcome.err());
    }

    @Test
    void sqlFromAFile() throws IOException {
        Files.writeString(root.resolve("q.sql"), "SELECT 42 AS answer\n");
        Cli.Outcome outcome = cli.run("query", "--file", "q.sql", "--json-output");
        assertEquals(0, outcome.exit(), outcome.err());
        assertEquals("SELECT 42 AS answer\n", project.queriedSql);
    }

    @Test
    void neitherOrBothSourcesOrAnEmptyFileAreBadParameters() throws IOException {
        Cli.Outcome neither = cli.run("query");
        assertEquals(2, neither.exit());
        assertEquals("Error: Invalid value: Either SQL query or --file must be provided\n", neither.err());

        Files.writeString(root.resolve("q.sql"), "SELECT 1");
        Cli.Outcome both = cli.run("query", "SELECT 2", "--file", "q.sql");
        assertEquals(2, both.exit());
        assertEquals("Error: Invalid value: Cannot provide both SQL query and --file\n", both.err());

        Files.writeString(root.resolve("empty.sql"), "  \n");
        Cli.Outcome empty = cli.run("query", "--file", "empty.sql");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("Error: Invalid value: SQL query cannot be empty"), empty.err());
        assertNull(project.queriedSql, "nothing runs");

        Files.write(root.resolve("latin1.sql"),
                "SELECT 'Größe'".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Outcome latin1 = cli.run("query", "--file", "latin1.sql");
        assertEquals(2, latin1.exit());
        assertEquals("Error: Invalid value: File 'latin1.sql' is not valid UTF-8 text: save it as UTF-8\n",
                latin1.err());
        assertNull(project.queriedSql, "nothing runs");
    }

    @Test
    void aMissingFileIsAUsageError() {
        // the converter resolves against the process's folder; a name that exists nowhere is missing anywhere
        Cli.Outcome outcome = cli.run("query", "--file", "no-such-file-" + System.nanoTime() + ".sql");
        assertEquals(2, outcome.exit());
        assertTrue(outcome.err().contains("does not exist"), outcome.err());
        assertTrue(outcome.err().contains("Usage: mxcp query"), outcome.err());
    }

    @Test
    void anyFileThatExistsIsReadAndAFolderIsAUsageError() {
        Cli.Outcome empty = cli.run("query", "--file", "/dev/null");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("SQL query cannot be empty"), empty.err());
        Cli.Outcome folder = cli.run("query", "--file", "/tmp");
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("Invalid value for option '--file': File '/tmp' is a directory."),
                folder.err());
    }

    @Test
    void sqlErrorsAreReportedWithDuckDbsText() {
        project.failure = new EndpointException(EndpointException.Reason.EXECUTION_FAILED,
                "Catalog Error: Table with name nope does not exist!");
        Cli.Outcome human = cli.run("query", "SELECT * FROM nope");
        assertEquals(1, human.exit());
        assertEquals("Error: Catalog Error: Table with name nope does not exist!\nAborted!\n", human.err());

        Cli.Outcome json = cli.run("query", "SELECT * FROM nope", "--json-output");
        assertEquals(1, json.exit());
        assertTrue(json.out().contains("\"error\": \"Catalog Error: Table with name nope does not exist!\""), json.out());
    }

    @Test
    void humanOutputPreviewsTheSqlAndShowsATable() {
        project.rows = List.of(row("id", 1), row("id", 2));
        String sql = String.join("\n", "SELECT id", "FROM t", "WHERE a", "AND b", "AND c", "ORDER BY id");
        Cli.Outcome outcome = cli.run("query", sql, "-p", "k=v");
        assertEquals(0, outcome.exit(), outcome.err());
        String out = outcome.out();
        assertTrue(out.contains("🔍 Executing Query"), out);
        assertTrue(out.contains("📝 SQL:\n   SELECT id\n   FROM t\n   WHERE a\n   AND b\n   AND c\n   ...\n"), out);
        assertTrue(!out.contains("ORDER BY"), out);
        assertTrue(out.contains("• $k = v"), out);
        assertTrue(out.contains("✅ Query executed successfully!"), out);
        assertTrue(out.contains("Query Results\n┌────┐"), out);
        assertTrue(out.contains("│ 2  │"), out);
    }

    @Test
    void noRowsSaysSo() {
        String out = cli.run("query", "CREATE TABLE t (id INTEGER)").out();
        assertTrue(out.contains("ℹ️  No results returned"), out);
    }

    @Test
    void readOnlyIsHandedOn() {
        cli.run("query", "SELECT 1", "--readonly");
        assertTrue(cli.services.openedWith.get(0).readOnly());
    }

    @Test
    void moreThanAHundredRowsPointToJsonOutput() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(row("i", i));
        }
        project.rows = rows;
        String out = cli.run("query", "SELECT * FROM range(120)").out();
        assertTrue(out.contains("Showing the first 100 of 120 rows (use --json-output to see all)"), out);
    }

    private static Map<String, Object> row(String column, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(column, value);
        return row;
    }
}
