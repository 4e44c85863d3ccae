package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.EndpointException.Reason;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.testing.EndpointTestResult;
import io.mxcp.core.testing.EndpointTests;
import io.mxcp.sdk.exec.EndpointExecutionException;

class SqlToolsAndQueryTest {

    private static final CallOptions CLI = new CallOptions(null, Map.of(), null, false);

    @TempDir
    Path dir;

    private ProjectFixture f;
    private FakeExecutor sql;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("tools/t.yml", "tool:\n  name: t\n  source: {code: SELECT 1}\n");
        sql = new FakeExecutor("sql", (source, args) -> {
            if (source.code().startsWith("FAIL")) {
                throw new IllegalStateException(new EndpointExecutionException("x"));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sql", source.code());
            row.put("args", args);
            row.put("d", LocalDateTime.of(2024, 1, 2, 0, 0));
            return List.of(row);
        });
        f.service.bindExecutor(sql);
    }

    private Project open(String site, Boolean override) throws Exception {
        f.write("mxcp-site.yml", "project: demo\nprofile: dev\n" + site);
        return f.service.open(new ProjectOptions(dir, null, false, f.env).withSqlTools(override));
    }

    @Test
    void builtInToolsAreListedWhenTheSiteEnablesThem() throws Exception {
        try (Project project = open("sql_tools:\n  enabled: true\n  list_tables: {description: Mine}\n", null)) {
            List<DiscoveredEndpoint> endpoints = project.endpoints();
            assertEquals(List.of("t", "execute_sql_query", "list_tables", "get_table_schema"),
                    endpoints.stream().map(DiscoveredEndpoint::identifier).toList());
            DiscoveredEndpoint execute = endpoints.get(1);
            assertEquals("built-in", execute.relativePath());
            assertNull(execute.file());
            EndpointDefinition definition = execute.definition();
            assertEquals("Execute a SQL query against the DuckDB database and return the results as a list of records",
                    definition.description());
            assertEquals(Map.of("title", "SQL Query Executor", "readOnlyHint", false, "destructiveHint", true,
                    "idempotentHint", false, "openWorldHint", false), definition.annotations());
            assertEquals("sql", definition.parameters().get(0).name());
            assertTrue(definition.parameters().get(0).required());
            assertEquals("Mine", endpoints.get(2).definition().description());
            assertEquals(Map.of("title", "Table Schema Inspector", "readOnlyHint", true, "destructiveHint", false,
                    "idempotentHint", true, "openWorldHint", false), endpoints.get(3).definition().annotations());
            assertEquals(1, project.validateAll().size(), "built-in tools are not endpoint files to validate");
            assertEquals(List.of("tool/t"), new EndpointTests(project, null, Map.of()).runAll().endpoints().stream()
                    .map(EndpointTestResult::endpoint).toList(), "nor endpoints of the project to test");
        }
    }

    @Test
    void theOverrideBeatsTheSiteSetting() throws Exception {
        try (Project project = open("sql_tools: {enabled: true}\n", false)) {
            assertEquals(1, project.endpoints().size());
            assertThrows(EndpointException.class, () -> project.execute(EndpointKind.TOOL, "list_tables", Map.of(), CLI));
        }
        try (Project project = open("", true)) {
            assertEquals(4, project.endpoints().size());
        }
    }

    @Test
    void builtInToolsRunTheirSql() throws Exception {
        try (Project project = open("", true)) {
            Map<?, ?> executed = (Map<?, ?>) ((List<?>) project.execute(EndpointKind.TOOL, "execute_sql_query",
                    Map.of("sql", "SELECT $x"), CLI)).get(0);
            assertEquals("SELECT $x", executed.get("sql"), "the SQL runs as given");
            assertEquals(Map.of(), executed.get("args"), "with no parameters");
            assertEquals("2024-01-02T00:00:00", executed.get("d"), "values are serialized, rows not shaped");

            Map<?, ?> schema = (Map<?, ?>) ((List<?>) project.execute(EndpointKind.TOOL, "get_table_schema",
                    Map.of("table_name", "people"), CLI)).get(0);
            assertEquals("SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM "
                    + "information_schema.columns WHERE table_name = $table_name ORDER BY ordinal_position", schema.get("sql"));
            assertEquals(Map.of("table_name", "people"), schema.get("args"));

            Map<?, ?> tables = (Map<?, ?>) ((List<?>) project.execute(EndpointKind.TOOL, "list_tables", Map.of(), CLI)).get(0);
            assertTrue(((String) tables.get("sql")).contains("FROM information_schema.tables WHERE table_schema = 'main'"));

            EndpointException missing = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "execute_sql_query", Map.of(), CLI));
            assertEquals("Required parameter missing: sql", missing.getMessage());
        }
    }

    @Test
    void queryBindsParametersAsGivenAndSerializesRows() throws Exception {
        try (Project project = open("", null)) {
            List<Map<String, Object>> rows = project.query("SELECT $n AS n", Map.of("n", "5"), null);
            assertEquals(1, rows.size());
            assertEquals("SELECT $n AS n", rows.get(0).get("sql"));
            assertEquals(Map.of("n", "5"), rows.get(0).get("args"));
            assertEquals("2024-01-02T00:00:00", rows.get(0).get("d"));
        }
    }

    @Test
    void queryFailuresCarryDuckDbsOwnMessage() throws Exception {
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            throw new IllegalStateException("Failed to execute SQL: Parser Error: syntax error at or near \"SELEC\"");
        }));
        try (Project project = open("", null)) {
            EndpointException e = assertThrows(EndpointException.class, () -> project.query("SELEC 1", Map.of(), null));
            assertEquals(Reason.EXECUTION_FAILED, e.reason());
            assertEquals("Parser Error: syntax error at or near \"SELEC\"", e.getMessage());
        }
    }
}
