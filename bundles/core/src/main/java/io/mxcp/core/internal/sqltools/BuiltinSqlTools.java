package io.mxcp.core.internal.sqltools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.SourceDefinition;
import io.mxcp.core.model.TypeDefinition;

/**
 * The built-in SQL tools of {@code sql_tools.enabled} (spec 01 §4.6): {@code execute_sql_query},
 * {@code list_tables} and {@code get_table_schema}, as tool definitions the pipeline runs and the MCP server
 * lists like any other. They have no YAML file ({@link EndpointDefinition#file()} is null), no return type
 * (results are not shaped) and no policies.
 */
public final class BuiltinSqlTools {

    /** The path {@code list} and the MCP layer see for a built-in tool. */
    public static final String PATH = "built-in";

    public static final String EXECUTE_SQL_QUERY = "execute_sql_query";
    public static final String LIST_TABLES = "list_tables";
    public static final String GET_TABLE_SCHEMA = "get_table_schema";

    private static final String LIST_TABLES_SQL = "SELECT table_name AS name, table_type AS type "
            + "FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name";
    private static final String TABLE_SCHEMA_SQL = "SELECT column_name AS name, data_type AS type, "
            + "is_nullable AS nullable FROM information_schema.columns WHERE table_name = $table_name "
            + "ORDER BY ordinal_position";

    private final List<EndpointDefinition> tools;

    private BuiltinSqlTools(List<EndpointDefinition> tools) {
        this.tools = tools;
    }

    /** No built-in tools. */
    public static BuiltinSqlTools none() {
        return new BuiltinSqlTools(List.of());
    }

    /**
     * The three tools, each with the site's {@code sql_tools.<tool>.description} when set, else the default.
     *
     * @param siteBlock the validated site {@code sql_tools} block
     */
    public static BuiltinSqlTools of(Map<String, Object> siteBlock) {
        List<EndpointDefinition> tools = new ArrayList<>();
        tools.add(tool(EXECUTE_SQL_QUERY, description(siteBlock, EXECUTE_SQL_QUERY,
                "Execute a SQL query against the DuckDB database and return the results as a list of records"),
                annotations("SQL Query Executor", false, true, false, false),
                List.of(stringParameter("sql")), "SELECT NULL"));
        tools.add(tool(LIST_TABLES, description(siteBlock, LIST_TABLES, "List all tables in the DuckDB database"),
                annotations("Database Table Lister", true, false, true, false), List.of(), LIST_TABLES_SQL));
        tools.add(tool(GET_TABLE_SCHEMA, description(siteBlock, GET_TABLE_SCHEMA,
                "Get the schema for a specific table in the DuckDB database"),
                annotations("Table Schema Inspector", true, false, true, false),
                List.of(stringParameter("table_name")), TABLE_SCHEMA_SQL));
        return new BuiltinSqlTools(List.copyOf(tools));
    }

    public List<EndpointDefinition> definitions() {
        return tools;
    }

    /** The built-in tool with that name, when enabled. */
    public Optional<EndpointDefinition> find(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    /** Whether a definition is one of the built-in tools (they have no file). */
    public static boolean isBuiltin(EndpointDefinition definition) {
        return definition.file() == null && definition.kind() == EndpointKind.TOOL;
    }

    /** Whether a definition is the {@code execute_sql_query} tool, whose SQL is its argument. */
    public static boolean isExecuteSqlQuery(EndpointDefinition definition) {
        return isBuiltin(definition) && EXECUTE_SQL_QUERY.equals(definition.name());
    }

    private static String description(Map<String, Object> siteBlock, String tool, String fallback) {
        if (siteBlock != null && siteBlock.get(tool) instanceof Map<?, ?> block
                && block.get("description") instanceof String text && !text.isEmpty()) {
            return text;
        }
        return fallback;
    }

    private static Map<String, Object> annotations(String title, boolean readOnly, boolean destructive,
            boolean idempotent, boolean openWorld) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("title", title);
        annotations.put("readOnlyHint", readOnly);
        annotations.put("destructiveHint", destructive);
        annotations.put("idempotentHint", idempotent);
        annotations.put("openWorldHint", openWorld);
        return annotations;
    }

    /** A required string parameter without a description, as the reference's function signatures give it. */
    private static ParameterDefinition stringParameter(String name) {
        return new ParameterDefinition(name, new TypeDefinition("string", null, null, false, null, null, null,
                false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    private static EndpointDefinition tool(String name, String description, Map<String, Object> annotations,
            List<ParameterDefinition> parameters, String sql) {
        return new EndpointDefinition(EndpointKind.TOOL, name, null, description, List.of(), annotations, parameters,
                null, "sql", new SourceDefinition(sql, null, "sql"), null, null, true, null, null, null);
    }
}
