package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.output.Json;
import io.mxcp.core.drift.DriftSnapshotFiles;

/** {@code mxcp drift-snapshot} and {@code mxcp drift-check} (spec 02 reference §6). */
class DriftCommandsTest extends ProjectFolderTest {

    private Path driftFile;

    @BeforeEach
    void driftProject() throws IOException {
        driftFile = root.resolve("drift/drift-default.json");
        project.siteConfig =
                Map.of("profiles", Map.of("default", Map.of("drift", Map.of("path", driftFile.toString()))));
        project.rows = List.of(column("users", "id", "INTEGER"));
        project.withTestedTool("hello", "tools/hello.yml", List.of(Map.of("name", "greets", "result", "Hello!")));
        project.result = "Hello!";
        writeTool("Greets");
    }

    @Test
    void aSnapshotIsWrittenToTheProfilesDriftPathFromAReadOnlyDatabase() throws Exception {
        Cli.Outcome outcome = cli.run("drift-snapshot");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(cli.services.openedWith.get(0).readOnly());
        String hash = DriftSnapshotFiles.read(driftFile).hash();
        assertTrue(outcome.out().startsWith("""

                ✅ Drift snapshot generated successfully!

                📸 Snapshot Details:
                   • Path: %s
                   • Hash: %s...
                """.formatted(driftFile, hash.substring(0, 12))), outcome.out());
        assertTrue(outcome.out().contains("""
                📊 Captured State:
                   • Tables: 1
                   • Resources: 1
                """), outcome.out());
        String file = Files.readString(driftFile);
        assertTrue(file.startsWith("{\n  \"version\": 1,\n"), file);
        assertTrue(file.contains("\"description\": \"Greets\""), file);
    }

    @Test
    void theJsonPayloadNamesTheFileItsHashAndTime() throws Exception {
        Cli.Outcome outcome = cli.run("drift-snapshot", "--json-output");
        assertEquals(0, outcome.exit(), outcome.err());
        Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) Json.parse(outcome.out())).get("result");
        assertEquals(List.of("path", "drift_hash", "generated_at"), List.copyOf(result.keySet()));
        assertEquals(driftFile.toString(), result.get("path"));
        assertEquals(DriftSnapshotFiles.read(driftFile).hash(), result.get("drift_hash"));
        assertEquals(DriftSnapshotFiles.read(driftFile).generatedAt(), result.get("generated_at"));
    }

    @Test
    void anExistingSnapshotIsOnlyReplacedWithForce() {
        assertEquals(0, cli.run("drift-snapshot").exit());
        String message = "Drift snapshot already exists at " + driftFile + ". Use --force to overwrite.";

        Cli.Outcome text = cli.run("drift-snapshot");
        assertEquals(1, text.exit());
        assertEquals("\n❌ Error: Snapshot file already exists!\n   File: " + message
                + "\n\n💡 Tip: Use --force to overwrite the existing snapshot\n\n", text.out());
        assertEquals("Aborted!\n", text.err());

        Cli.Outcome json = cli.run("drift-snapshot", "--json-output");
        assertEquals(1, json.exit());
        assertEquals("{\n  \"status\": \"error\",\n  \"error\": \"" + message + "\"\n}\n", json.out());
        assertEquals("Aborted!\n", json.err());

        assertEquals(0, cli.run("drift-snapshot", "--force").exit());
    }

    @Test
    void aDryRunShowsTheSnapshotAndWritesNothing() {
        Cli.Outcome outcome = cli.run("drift-snapshot", "--dry-run");
        assertEquals(0, outcome.exit(), outcome.err());
        assertFalse(Files.exists(driftFile));
        assertTrue(outcome.out().startsWith("\n🔍 Dry Run - Snapshot Preview:\n\n{\n  \"version\": 1,\n"),
                outcome.out());
        assertTrue(outcome.out().contains("\"name\": \"users\""), outcome.out());
        assertTrue(outcome.out().endsWith("}\n\nℹ️  No files were written (dry run mode)\n\n"), outcome.out());
    }

    @Test
    void nothingChangedExitsZero() throws Exception {
        cli.run("drift-snapshot");
        Cli.Outcome text = cli.run("drift-check", "--readonly");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("Drift Report (Generated: "), text.out());
        assertTrue(text.out().contains("Baseline: " + driftFile + "\n"), text.out());
        assertTrue(text.out().endsWith("""
                ✅ NO DRIFT DETECTED

                Summary:
                  Tables: 0 added, 0 removed, 0 modified
                  Resources: 0 added, 0 removed, 0 modified

                No changes detected.
                """), text.out());

        Cli.Outcome json = cli.run("drift-check", "--json-output");
        assertEquals(0, json.exit());
        Map<?, ?> report = (Map<?, ?>) ((Map<?, ?>) Json.parse(json.out())).get("result");
        assertEquals(false, report.get("has_drift"));
        assertEquals(List.of(), report.get("table_changes"));
    }

    @Test
    void changesAreReportedAndExitOne() throws Exception {
        cli.run("drift-snapshot");
        project.rows = List.of(column("orders", "total", "DECIMAL(10,2)"), column("users", "id", "INTEGER"));
        writeTool("Greets warmly");

        Cli.Outcome text = cli.run("drift-check");
        assertEquals(1, text.exit(), text.err());
        assertTrue(text.out().endsWith("""
                🔴 DRIFT DETECTED

                Summary:
                  Tables: 1 added, 0 removed, 0 modified
                  Resources: 0 added, 0 removed, 1 modified

                Table Changes:
                  + orders (added)

                Resource Changes:
                  ~ tools/hello.yml (tool/hello) (modified)
                    Changed: definition

                """), text.out());
        assertTrue(cli.run("drift-check", "--debug").out()
                .contains("  + orders (added)\n    + total (DECIMAL(10,2))\n"));

        Cli.Outcome json = cli.run("drift-check", "--json-output");
        assertEquals(1, json.exit());
        Map<?, ?> report = (Map<?, ?>) ((Map<?, ?>) Json.parse(json.out())).get("result");
        assertEquals(true, report.get("has_drift"));
        assertEquals(Json.parse("{\"name\": \"orders\", \"change_type\": \"added\","
                + " \"columns_added\": [{\"name\": \"total\", \"type\": \"DECIMAL(10,2)\"}]}"),
                ((List<?>) report.get("table_changes")).get(0));
        Map<?, ?> resource = (Map<?, ?>) ((List<?>) report.get("resource_changes")).get(0);
        assertEquals(true, resource.get("definition_changed"));
        assertEquals(false, resource.get("test_results_changed"));
    }

    @Test
    void aBaselineElsewhereIsRelativeToTheWorkingDirectory() throws Exception {
        cli.run("drift-snapshot");
        Files.move(driftFile, root.resolve("base.json"));
        Cli.Outcome outcome = cli.run("drift-check", "--baseline", "base.json");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("Baseline: base.json\n"), "named as given: " + outcome.out());
    }

    @Test
    void aMissingBaselineSaysHowToRecordOne() {
        Cli.Outcome text = cli.run("drift-check");
        assertEquals(1, text.exit());
        assertEquals("Error: Failed to load baseline snapshot: Snapshot file not found: " + driftFile + "\nAborted!\n",
                text.err());
        assertTrue(text.out().contains("💡 Tip: Run mxcp drift-snapshot first to record the baseline to compare with"),
                text.out());

        Cli.Outcome json = cli.run("drift-check", "--json-output");
        assertEquals(1, json.exit());
        assertEquals("{\n  \"status\": \"error\",\n  \"error\": \"Failed to load baseline snapshot: "
                + "Snapshot file not found: " + driftFile + "\"\n}\n", json.out());
    }

    @Test
    void aBaselineThatIsAFolderIsNamed() throws IOException {
        Path folder = Files.createDirectories(root.resolve("baselines"));
        Cli.Outcome outcome = cli.run("drift-check", "--baseline", "baselines");
        assertEquals(1, outcome.exit());
        assertEquals("Error: Failed to load baseline snapshot: " + folder + ": Is a directory\nAborted!\n",
                outcome.err());
    }

    private void writeTool(String description) throws IOException {
        Files.createDirectories(root.resolve("tools"));
        Files.writeString(root.resolve("tools/hello.yml"), """
                mxcp: 1
                tool:
                  name: hello
                  description: %s
                  source: {code: "SELECT 'Hello!'"}
                  tests: [{name: greets, result: Hello!}]
                """.formatted(description));
    }

    private static Map<String, Object> column(String table, String name, String type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table_name", table);
        row.put("column_name", name);
        row.put("data_type", type);
        return row;
    }
}
