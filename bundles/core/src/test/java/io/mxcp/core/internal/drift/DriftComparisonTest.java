package io.mxcp.core.internal.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.drift.DriftComparison;
import io.mxcp.core.drift.DriftReport;
import io.mxcp.core.drift.DriftSnapshot;
import io.mxcp.core.drift.DriftSnapshotFiles;

/** Comparing a baseline snapshot file with the current snapshot (spec 02 reference §6.2). */
class DriftComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tablesAreAddedRemovedOrModifiedColumnByColumn() throws Exception {
        DriftSnapshot baseline = snapshot("baseline", """
                [{"name": "a", "columns": [{"name": "id", "type": "INTEGER"}, {"name": "legacy", "type": "VARCHAR"},
                                           {"name": "name", "type": "VARCHAR"}, {"name": "note", "type": "VARCHAR"}]},
                 {"name": "b", "columns": [{"name": "x", "type": "INTEGER"}]},
                 {"name": "c", "columns": [{"name": "k", "type": "INTEGER"}]}]""", "[]");
        DriftSnapshot current = snapshot("current", """
                [{"name": "c", "columns": [{"name": "k", "type": "INTEGER"}]},
                 {"name": "d", "columns": [{"name": "y", "type": "DATE"}]},
                 {"name": "a", "columns": [{"name": "note", "type": "VARCHAR"}, {"name": "id", "type": "BIGINT"},
                                           {"name": "email", "type": "VARCHAR"}, {"name": "name", "type": "VARCHAR"}]},
                 {"name": "e", "columns": [{"name": "z", "type": "INTEGER"}]}]""", "[]");
        Map<String, Object> report = DriftComparison.compare(baseline, "drift/base.json", current).toJson();
        assertEquals(List.of(
                "{\"name\":\"d\",\"change_type\":\"added\",\"columns_added\":[{\"name\":\"y\",\"type\":\"DATE\"}]}",
                "{\"name\":\"e\",\"change_type\":\"added\",\"columns_added\":[{\"name\":\"z\",\"type\":\"INTEGER\"}]}",
                "{\"name\":\"b\",\"change_type\":\"removed\","
                        + "\"columns_removed\":[{\"name\":\"x\",\"type\":\"INTEGER\"}]}",
                "{\"name\":\"a\",\"change_type\":\"modified\","
                        + "\"columns_added\":[{\"name\":\"email\",\"type\":\"VARCHAR\"}],"
                        + "\"columns_removed\":[{\"name\":\"legacy\",\"type\":\"VARCHAR\"}],"
                        + "\"columns_modified\":[{\"name\":\"id\",\"old_type\":\"INTEGER\",\"new_type\":\"BIGINT\"}]}"),
                compact((List<?>) report.get("table_changes")));
        assertEquals("{\"tables_added\":2,\"tables_removed\":1,\"tables_modified\":1,"
                + "\"resources_added\":0,\"resources_removed\":0,\"resources_modified\":0}",
                JSON.writeValueAsString(report.get("summary")));
        assertEquals(true, report.get("has_drift"));
        assertEquals("drift/base.json", report.get("baseline_snapshot_path"));
        assertEquals("baseline", report.get("baseline_snapshot_generated_at"));
        assertEquals("current", report.get("current_snapshot_generated_at"));
        assertEquals(List.of("version", "generated_at", "baseline_snapshot_path", "current_snapshot_generated_at",
                "baseline_snapshot_generated_at", "has_drift", "summary", "table_changes", "resource_changes"),
                List.copyOf(report.keySet()));
    }

    @Test
    void endpointFilesChangeByValidationTestsOrDefinition() throws Exception {
        // the baseline as the original writes it: "return_", test times
        DriftSnapshot baseline = snapshot("baseline", "[]", """
                [%s,
                 %s,
                 {"validation_results": {"status": "error", "path": "tools/fixed.yml", "message": "Bad SQL"},
                  "test_results": {"status": "ok", "tests_run": 0, "no_tests": true}, "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/tests.yml"},
                  "test_results": {"status": "ok", "tests_run": 2, "tests": [{"name": "a", "status": "passed"},
                                                                            {"name": "b", "status": "passed"}]},
                  "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/retimed.yml"},
                  "test_results": {"status": "failed", "tests_run": 1,
                                   "tests": [{"name": "a", "status": "failed", "error": "old text", "time": 0.5}]},
                  "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/desc.yml"}, "definition": %s},
                 {"validation_results": {"status": "ok", "path": "prompts/p.yml"}, "definition": %s}]"""
                .formatted(same("\"return_\": {\"type\": \"string\"}", ", \"time\": 0.01"),
                        tool("tools/gone.yml", "gone"), definition("tool", "fixed"), definition("tool", "tests"),
                        definition("tool", "retimed"), definition("tool", "desc"), definition("prompt", "p")));
        DriftSnapshot current = snapshot("current", "[]", """
                [{"validation_results": {"status": "error", "path": "tools/broken.yml", "message": "bad YAML"}},
                 %s,
                 %s,
                 {"validation_results": {"status": "ok", "path": "tools/fixed.yml"},
                  "test_results": {"status": "ok", "tests_run": 0, "no_tests": true}, "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/tests.yml"},
                  "test_results": {"status": "failed", "tests_run": 2,
                                   "tests": [{"name": "a", "status": "passed"},
                                             {"name": "b", "status": "failed", "error": "Array has 0 items"}]},
                  "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/retimed.yml"},
                  "test_results": {"status": "failed", "tests_run": 1,
                                   "tests": [{"name": "a", "status": "failed", "error": "new text"}]},
                  "definition": %s},
                 {"validation_results": {"status": "ok", "path": "tools/desc.yml"},
                  "definition": {"mxcp": 1, "tool": {"name": "desc", "description": "new"}}},
                 {"validation_results": {"status": "ok", "path": "prompts/p.yml"},
                  "test_results": {"status": "ok", "tests_run": 0, "no_tests": true}, "definition": %s}]"""
                .formatted(tool("tools/new.yml", "new"), same("\"return\": {\"type\": \"string\"}", ""),
                        definition("tool", "fixed"), definition("tool", "tests"), definition("tool", "retimed"),
                        definition("prompt", "p")));
        DriftReport report = DriftComparison.compare(baseline, "base.json", current);
        assertEquals(List.of(
                "{\"path\":\"tools/broken.yml\",\"change_type\":\"added\",\"details\":{\"added_resource\":true}}",
                "{\"path\":\"tools/new.yml\",\"endpoint\":\"tool/new\",\"change_type\":\"added\","
                        + "\"details\":{\"added_resource\":true}}",
                "{\"path\":\"tools/gone.yml\",\"endpoint\":\"tool/gone\",\"change_type\":\"removed\","
                        + "\"details\":{\"removed_resource\":true}}",
                "{\"path\":\"tools/fixed.yml\",\"endpoint\":\"tool/fixed\",\"change_type\":\"modified\","
                        + "\"validation_changed\":true,\"test_results_changed\":false,\"definition_changed\":false,"
                        + "\"details\":{\"validation_changes\":{\"old_status\":\"error\",\"new_status\":\"ok\"}}}",
                "{\"path\":\"tools/tests.yml\",\"endpoint\":\"tool/tests\",\"change_type\":\"modified\","
                        + "\"validation_changed\":false,\"test_results_changed\":true,\"definition_changed\":false,"
                        + "\"details\":{\"test_changes\":{\"old_status\":\"ok\",\"new_status\":\"failed\"}}}",
                "{\"path\":\"tools/desc.yml\",\"endpoint\":\"tool/desc\",\"change_type\":\"modified\","
                        + "\"validation_changed\":false,\"test_results_changed\":false,\"definition_changed\":true}",
                "{\"path\":\"prompts/p.yml\",\"endpoint\":\"prompt/p\",\"change_type\":\"modified\","
                        + "\"validation_changed\":false,\"test_results_changed\":true,\"definition_changed\":false,"
                        + "\"details\":{\"test_changes\":{\"new_status\":\"ok\"}}}"),
                compact((List<?>) report.toJson().get("resource_changes")));
        assertEquals(List.of(2L, 1L, 4L), List.of(report.resources(DriftReport.ChangeType.ADDED),
                report.resources(DriftReport.ChangeType.REMOVED), report.resources(DriftReport.ChangeType.MODIFIED)));
    }

    @Test
    void identicalSnapshotsHaveNoDrift() throws Exception {
        String tables = "[{\"name\": \"t\", \"columns\": [{\"name\": \"id\", \"type\": \"INTEGER\"}]}]";
        String resources = "[" + tool("tools/t.yml", "t") + "]";
        DriftReport report = DriftComparison.compare(snapshot("baseline", tables, resources), "base.json",
                snapshot("current", tables, resources));
        assertFalse(report.hasDrift());
        Map<String, Object> json = report.toJson();
        assertEquals(false, json.get("has_drift"));
        assertEquals(List.of(0L), ((Map<?, ?>) json.get("summary")).values().stream().distinct().toList());
        assertEquals(List.of(), json.get("table_changes"));
        assertEquals(List.of(), json.get("resource_changes"));
        assertTrue(report.generatedAt().endsWith("+00:00"), report.generatedAt());
    }

    /** A snapshot file with these tables and resources, read as drift-check reads its baseline. */
    private DriftSnapshot snapshot(String generatedAt, String tables, String resources) throws Exception {
        Path file = dir.resolve(generatedAt + ".json");
        Files.writeString(file, "{\"version\": 1, \"generated_at\": \"" + generatedAt + "\", \"tables\": " + tables
                + ", \"resources\": " + resources + "}");
        return DriftSnapshotFiles.read(file);
    }

    /** tools/same.yml, unchanged but for how its return type is keyed and whether its test has a time. */
    private static String same(String returnType, String time) {
        return """
                {"validation_results": {"status": "ok", "path": "tools/same.yml"},
                 "test_results": {"status": "ok", "tests_run": 1, "tests": [{"name": "t1", "status": "passed"%s}]},
                 "definition": {"mxcp": 1, "tool": {"name": "same", %s}}}""".formatted(time, returnType);
    }

    private static String tool(String path, String name) {
        return "{\"validation_results\": {\"status\": \"ok\", \"path\": \"" + path + "\"}, \"definition\": "
                + definition("tool", name) + "}";
    }

    private static String definition(String kind, String name) {
        return "{\"mxcp\": 1, \"" + kind + "\": {\"name\": \"" + name + "\", \"description\": \"old\"}}";
    }

    private static List<String> compact(List<?> changes) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (Object change : changes) {
            texts.add(JSON.writeValueAsString(change));
        }
        return texts;
    }
}
