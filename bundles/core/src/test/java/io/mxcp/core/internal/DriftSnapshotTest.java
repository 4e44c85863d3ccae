package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.drift.DriftSnapshot;
import io.mxcp.core.drift.DriftSnapshotException;
import io.mxcp.core.drift.DriftSnapshotFiles;
import io.mxcp.core.drift.DriftSnapshots;
import io.mxcp.core.internal.drift.SnapshotJson;

/** Drift snapshots (spec 02 reference §6.1, spec 02b §3): their content, their file and their hash. */
class DriftSnapshotTest {

    @TempDir
    Path dir;

    private ProjectFixture f;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/users.yml", """
                        mxcp: 1
                        tool:
                          name: get_user
                          description: Finds a café's user
                          tags: ~
                          parameters:
                            - {name: id, type: integer, description: Id, examples: [1], default: ~}
                            - {name: since, type: string, format: date, description: Since, examples: [2024-01-15],
                               default: "2020-01-01"}
                          return: {type: array}
                          source: {code: "SELECT * FROM users WHERE id = $id"}
                          tests:
                            - {name: finds Ann, description: by id, arguments: [{key: id, value: 1}], result_length: 1}
                            - {name: finds nobody, arguments: [{key: id, value: 9}], result_length: 1}
                        metadata: {owner: data-team}
                        """)
                .write("tools/broken.yml", "tool: [unclosed\n")
                .write("tools/slow.yml", "tool:\n  name: slow\n  source: {code: BROKEN}\n");
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            if (source.code().contains("information_schema.columns")) {
                return List.of(column("orders", "total", "DECIMAL(10,2)"), column("users", "id", "INTEGER"),
                        column("users", "name", "VARCHAR"));
            }
            return Long.valueOf(1).equals(args.get("id")) ? List.of(Map.of("id", 1L, "name", "Ann")) : List.of();
        }));
    }

    @Test
    void aSnapshotHoldsTheTablesAndEveryEndpointFile() throws Exception {
        try (Project project = f.open()) {
            DriftSnapshot snapshot = DriftSnapshots.take(project);
            assertEquals(List.of("version", "generated_at", "tables", "resources"),
                    List.copyOf(snapshot.json().keySet()));
            assertEquals(1, snapshot.json().get("version"));
            assertTrue(snapshot.generatedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"),
                    snapshot.generatedAt());
            assertEquals("""
                    [
                      {
                        "name": "orders",
                        "columns": [
                          {
                            "name": "total",
                            "type": "DECIMAL(10,2)"
                          }
                        ]
                      },
                      {
                        "name": "users",
                        "columns": [
                          {
                            "name": "id",
                            "type": "INTEGER"
                          },
                          {
                            "name": "name",
                            "type": "VARCHAR"
                          }
                        ]
                      }
                    ]""", SnapshotJson.indented(snapshot.tables()));

            List<Map<String, Object>> resources = snapshot.resources();
            assertEquals(3, resources.size());
            Map<String, Object> broken = resources.get(0);
            assertEquals(List.of("validation_results"), List.copyOf(broken.keySet()), "a file that did not load");
            Map<?, ?> brokenValidation = (Map<?, ?>) broken.get("validation_results");
            assertEquals("error", brokenValidation.get("status"));
            assertEquals("tools/broken.yml", brokenValidation.get("path"));
            assertEquals(project.validateAll().get(0).message(), brokenValidation.get("message"));

            assertEquals("""
                    {
                      "validation_results": {
                        "status": "error",
                        "path": "tools/slow.yml",
                        "message": "Source code syntax validation failed: broken"
                      },
                      "test_results": {
                        "status": "ok",
                        "tests_run": 0,
                        "no_tests": true
                      },
                      "definition": {
                        "tool": {
                          "name": "slow",
                          "source": {
                            "code": "BROKEN"
                          }
                        }
                      }
                    }""", SnapshotJson.indented(resources.get(1)));

            // the YAML as written: nulls left out, a YAML date as text, "return" (not the original's "return_")
            assertEquals("""
                    {
                      "validation_results": {
                        "status": "ok",
                        "path": "tools/users.yml"
                      },
                      "test_results": {
                        "status": "failed",
                        "tests_run": 2,
                        "tests": [
                          {
                            "name": "finds Ann",
                            "description": "by id",
                            "status": "passed"
                          },
                          {
                            "name": "finds nobody",
                            "status": "failed",
                            "error": "Array has 0 items, expected 1"
                          }
                        ]
                      },
                      "definition": {
                        "mxcp": 1,
                        "tool": {
                          "name": "get_user",
                          "description": "Finds a caf\\u00e9's user",
                          "parameters": [
                            {
                              "name": "id",
                              "type": "integer",
                              "description": "Id",
                              "examples": [
                                1
                              ]
                            },
                            {
                              "name": "since",
                              "type": "string",
                              "format": "date",
                              "description": "Since",
                              "examples": [
                                "2024-01-15"
                              ],
                              "default": "2020-01-01"
                            }
                          ],
                          "return": {
                            "type": "array"
                          },
                          "source": {
                            "code": "SELECT * FROM users WHERE id = $id"
                          },
                          "tests": [
                            {
                              "name": "finds Ann",
                              "description": "by id",
                              "arguments": [
                                {
                                  "key": "id",
                                  "value": 1
                                }
                              ],
                              "result_length": 1
                            },
                            {
                              "name": "finds nobody",
                              "arguments": [
                                {
                                  "key": "id",
                                  "value": 9
                                }
                              ],
                              "result_length": 1
                            }
                          ]
                        },
                        "metadata": {
                          "owner": "data-team"
                        }
                      },
                      "metadata": {
                        "owner": "data-team"
                      }
                    }""", SnapshotJson.indented(resources.get(2)));
        }
    }

    @Test
    void aProjectWithoutEndpointFilesHasNoResources() throws Exception {
        Files.delete(dir.resolve("tools/users.yml"));
        Files.delete(dir.resolve("tools/broken.yml"));
        Files.delete(dir.resolve("tools/slow.yml"));
        try (Project project = f.open()) {
            assertEquals(List.of(), DriftSnapshots.take(project).resources());
        }
    }

    @Test
    void theSnapshotFileReadsBackAsWritten() throws Exception {
        try (Project project = f.open()) {
            DriftSnapshot snapshot = DriftSnapshots.take(project);
            Path file = DriftSnapshotFiles.profilePath(project, dir.resolve("elsewhere"));
            assertEquals(dir.resolve("drift/drift-dev.json").toAbsolutePath(), file, "the profile's default path");
            DriftSnapshotFiles.write(file, snapshot);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("{\n  \"version\": 1,\n  \"generated_at\": \""), text);
            assertTrue(text.contains("caf\\u00e9"), "non-ASCII escaped as Python does");
            DriftSnapshot read = DriftSnapshotFiles.read(file);
            assertEquals(snapshot.json(), read.json());
            assertEquals(snapshot.hash(), read.hash());
        }
    }

    @Test
    void aRelativeDriftPathIsRelativeToTheWorkingDirectory() throws Exception {
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\nprofiles: {dev: {drift: {path: snapshots/dev.json}}}\n");
        try (Project project = f.open()) {
            assertEquals(dir.resolve("cwd/snapshots/dev.json"),
                    DriftSnapshotFiles.profilePath(project, dir.resolve("cwd")));
        }
    }

    @Test
    void theHashIsThatOfPythonsSortedJson() throws Exception {
        // hash and text computed with Python: json.dumps(snapshot, sort_keys=True), json.dumps(definition, indent=2)
        DriftSnapshot snapshot = new DriftSnapshot(parse("""
                {"version": 1, "generated_at": "2025-01-01T12:00:00.123456+00:00",
                 "tables": [{"name": "users", "columns": [{"name": "id", "type": "INTEGER"},
                                                          {"name": "price", "type": "DECIMAL(10,2)"}]}],
                 "resources": [{"validation_results": {"status": "ok", "path": "tools/café.yml"},
                                "test_results": {"status": "ok", "tests_run": 0, "no_tests": true},
                                "definition": {"mxcp": 1, "tool": {"name": "x", "tags": [], "enabled": true,
                                    "annotations": {}, "description": "Café ☕ \\"quoted\\"\\n", "limit": 2.5}},
                                "metadata": {}}]}
                """));
        assertEquals("9b2d1588db38eb78b07143e4d780ae9e641ad51eb273da7f41f8239f3bc45e9e", snapshot.hash());
        assertEquals("""
                {
                  "mxcp": 1,
                  "tool": {
                    "name": "x",
                    "tags": [],
                    "enabled": true,
                    "annotations": {},
                    "description": "Caf\\u00e9 \\u2615 \\"quoted\\"\\n",
                    "limit": 2.5
                  }
                }""", SnapshotJson.indented(snapshot.resources().get(0).get("definition")));

        Map<String, Object> reordered = new LinkedHashMap<>();
        for (String key : List.of("resources", "tables", "generated_at", "version")) {
            reordered.put(key, snapshot.json().get(key));
        }
        assertEquals(snapshot.hash(), new DriftSnapshot(reordered).hash(), "key order does not count");
    }

    @Test
    void unreadableSnapshotsAreReportedAsTheOriginalDoes() throws Exception {
        Path missing = dir.resolve("drift/none.json");
        DriftSnapshotException notFound =
                assertThrows(DriftSnapshotException.class, () -> DriftSnapshotFiles.read(missing));
        assertEquals("Snapshot file not found: " + missing, notFound.getMessage());
        assertTrue(notFound.fileMissing());
        assertEquals("Snapshot file not found: " + missing, assertThrows(DriftSnapshotException.class,
                () -> DriftSnapshotFiles.read(dir.resolve("project/../drift/none.json"))).getMessage(),
                "named where it would be");

        assertEquals("Unsupported snapshot version: 2", readError("{\"version\": 2}"));
        assertEquals("Unsupported snapshot version: None", readError("{\"tables\": []}"));
        assertEquals("Invalid drift snapshot: Input should be a valid dictionary", readError("[]"));
        assertEquals("Invalid drift snapshot: tables.0.name: Field required",
                readError("""
                        {"version": 1, "generated_at": "t", "tables": [{"columns": []}], "resources": []}"""));
        assertEquals("Invalid drift snapshot: resources.0.validation_results.path: Input should be a valid string",
                readError("""
                        {"version": 1, "generated_at": "t", "tables": [],
                         "resources": [{"validation_results": {"status": "ok", "path": 3}}]}"""));
        assertTrue(readError("{\"version\": ").startsWith("Invalid drift snapshot: "));
    }

    private String readError(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        DriftSnapshotException e = assertThrows(DriftSnapshotException.class, () -> DriftSnapshotFiles.read(file));
        assertFalse(e.fileMissing());
        return e.getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) throws Exception {
        return (Map<String, Object>) SnapshotJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> column(String table, String name, String type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table_name", table);
        row.put("column_name", name);
        row.put("data_type", type);
        return row;
    }
}
