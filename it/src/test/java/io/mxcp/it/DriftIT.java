package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Drift detection through the distribution (spec 02 reference §6, spec 02b §3): a snapshot of a bootstrapped
 * project, a check that finds nothing, then a new table and an edited tool found by the next check (exit 1).
 */
class DriftIT {

    private static final Path WORK = Distribution.freshWorkFolder(DriftIT.class);
    private static final Mxcp MXCP = new Mxcp(Distribution.home(), WORK);

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(MXCP);
    }

    @Test
    void aSnapshotThenChecksBeforeAndAfterAChange() throws IOException {
        Path project = MXCP.bootstrap(WORK, "drifting");

        CommandResult snapshot = MXCP.run(project, "drift-snapshot", "--json-output");
        assertEquals(0, snapshot.exitCode(), snapshot::describe);
        JsonNode taken = snapshot.json().path("result");
        Path file = project.resolve("drift/drift-default.json");
        assertEquals(file.toString(), taken.path("path").asText(), snapshot::describe);
        assertTrue(taken.path("drift_hash").asText().matches("[0-9a-f]{64}"), snapshot::describe);
        JsonNode written = Json.parse(Files.readString(file), file.toString());
        assertEquals("tools/hello-world.yml", written.at("/resources/0/validation_results/path").asText(),
                written::toString);
        assertEquals("hello_world", written.at("/resources/0/definition/tool/name").asText(), written::toString);

        CommandResult again = MXCP.run(project, "drift-snapshot");
        assertEquals(1, again.exitCode(), again::describe);
        assertTrue(again.stdout().contains("Snapshot file already exists!"), again::describe);

        CommandResult unchanged = MXCP.run(project, "drift-check");
        assertEquals(0, unchanged.exitCode(), unchanged::describe);
        assertTrue(unchanged.stdout().contains("NO DRIFT DETECTED"), unchanged::describe);

        CommandResult created = MXCP.run(project, "query", "CREATE TABLE orders (id INTEGER, total DECIMAL(10,2))");
        assertEquals(0, created.exitCode(), created::describe);
        Path tool = project.resolve("tools/hello-world.yml");
        Files.writeString(tool, Files.readString(tool).replace("A simple hello world tool", "Greets someone"));

        CommandResult drifted = MXCP.run(project, "drift-check", "--json-output");
        assertEquals(1, drifted.exitCode(), drifted::describe);
        JsonNode report = drifted.json().path("result");
        assertTrue(report.path("has_drift").asBoolean(), drifted::describe);
        assertEquals(1, report.at("/summary/tables_added").asInt(), drifted::describe);
        assertEquals("orders", report.at("/table_changes/0/name").asText(), drifted::describe);
        assertEquals("DECIMAL(10,2)", report.at("/table_changes/0/columns_added/1/type").asText(), drifted::describe);
        assertEquals(1, report.at("/summary/resources_modified").asInt(), drifted::describe);
        JsonNode change = report.at("/resource_changes/0");
        assertEquals("tool/hello_world", change.path("endpoint").asText(), drifted::describe);
        assertTrue(change.path("definition_changed").asBoolean(), drifted::describe);

        CommandResult text = MXCP.run(project, "drift-check");
        assertEquals(1, text.exitCode(), text::describe);
        assertTrue(text.stdout().contains("DRIFT DETECTED") && text.stdout().contains("+ orders (added)"),
                text::describe);
    }
}
