package io.mxcp.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTableTest {

    @TempDir
    Path folder;

    private static Map<String, Object> row(Object text, Object whole, Object fraction, Object json) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("text", text);
        row.put("whole", whole);
        row.put("fraction", fraction);
        row.put("json", json);
        return row;
    }

    private List<String> read(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1) + "|" + rows.getString(2));
            }
        }
        return values;
    }

    @Test
    void columnsAreTypedFromTheirValues() throws SQLException {
        Path file = folder.resolve("t.duckdb");
        DuckDbTable.append(file, "t", List.of(row("a", 5_000_000_000L, 0.5, Map.of("k", List.of(1))),
                row(null, 2, 2, "plain text")));
        assertEquals(List.of("text|VARCHAR", "whole|BIGINT", "fraction|DOUBLE", "json|JSON"),
                read(file, "SELECT column_name, column_type FROM (DESCRIBE t)"));
        assertEquals(List.of("a|{\"k\":[1]}", "null|\"plain text\""), read(file, "SELECT text, json FROM t"));
        assertEquals(List.of("a|5000000000", "null|2"), read(file, "SELECT text, whole FROM t"));
    }

    @Test
    void aColumnWhoseValuesDifferTakesThemAll() throws SQLException {
        Path file = folder.resolve("t.duckdb");
        // an audit log whose newest call returned a number and an older one rows
        DuckDbTable.append(file, "t", List.of(row("a", 1, 3, 42), row("b", "many", 0.5, List.of(Map.of("id", 1)))));
        assertEquals(List.of("text|VARCHAR", "whole|VARCHAR", "fraction|DOUBLE", "json|JSON"),
                read(file, "SELECT column_name, column_type FROM (DESCRIBE t)"));
        assertEquals(List.of("1|42", "many|[{\"id\":1}]"), read(file, "SELECT whole, json FROM t"));
    }

    @Test
    void rowsThatDoNotFitAnExistingTableFailAndWriteNothing() throws SQLException {
        Path file = folder.resolve("t.duckdb");
        DuckDbTable.append(file, "t", List.of(row("a", 1, 0.5, null)));
        List<Map<String, Object>> rows = List.of(row("b", 2, 0.5, null), row("c", "many", 0.5, null));
        assertThrows(SQLException.class, () -> DuckDbTable.append(file, "t", rows));
        assertEquals(List.of("a|1"), read(file, "SELECT text, whole FROM t"));
    }
}
