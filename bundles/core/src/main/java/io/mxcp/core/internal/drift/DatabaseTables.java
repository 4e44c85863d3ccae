package io.mxcp.core.internal.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;

/** A snapshot's {@code tables}: every table and view of schema {@code main}, its columns in catalog order. */
public final class DatabaseTables {

    /**
     * Every table and view has columns, so {@code information_schema.columns} alone lists them all. Only the project's
     * own database counts: attached databases and temporary tables are not the project's schema.
     */
    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'main' AND table_catalog = current_database()
            ORDER BY table_name, ordinal_position""";

    private DatabaseTables() {
    }

    /** {@code [{name, columns: [{name, type}]}]} by name; types as DuckDB spells them, e.g. {@code DECIMAL(10,2)}. */
    public static List<Map<String, Object>> of(Project project) throws EndpointException {
        Map<String, List<Map<String, Object>>> columnsByTable = new LinkedHashMap<>();
        for (Map<String, Object> row : project.query(COLUMNS, Map.of(), null)) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", row.get("column_name"));
            column.put("type", row.get("data_type"));
            columnsByTable.computeIfAbsent((String) row.get("table_name"), name -> new ArrayList<>()).add(column);
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        columnsByTable.forEach((name, columns) -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", name);
            table.put("columns", columns);
            tables.add(table);
        });
        return tables;
    }
}
