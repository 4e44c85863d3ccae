package io.mxcp.cli.output;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows appended to a table of a DuckDB database file (created when missing). A table that is absent is created
 * with the first row's keys as columns, each typed from its values: text VARCHAR, whole numbers BIGINT (64 bits, as the
 * original's pandas frames give DuckDB), other numbers DOUBLE, maps and lists JSON, anything else VARCHAR. The original types a column from the first row only, so
 * an audit log whose newest call returned a number could not be exported once an older call returned rows; here a
 * column whose values differ takes them all (JSON when one is a map or list, DOUBLE for ints beside other numbers,
 * else VARCHAR).
 */
public final class DuckDbTable {

    private DuckDbTable() {
    }

    /** Appends the rows to {@code table} in one transaction; no rows leave the database without the table. */
    public static void append(Path file, String table, List<? extends Map<String, ?>> rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            if (rows.isEmpty()) {
                return; // no row to type the columns from
            }
            List<String> columns = List.copyOf(rows.getFirst().keySet());
            List<String> types = columns.stream().map(column -> columnType(rows, column)).toList();
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute(createStatement(table, columns, types));
            }
            try (PreparedStatement insert = connection.prepareStatement(insertStatement(table, columns))) {
                for (Map<String, ?> row : rows) {
                    for (int c = 0; c < columns.size(); c++) {
                        bind(insert, c + 1, types.get(c), row.get(columns.get(c)));
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** The type that takes every row's value of the column. */
    private static String columnType(List<? extends Map<String, ?>> rows, String column) {
        Set<String> types = new HashSet<>();
        for (Map<String, ?> row : rows) {
            Object value = row.get(column);
            if (value != null) {
                types.add(sqlType(value));
            }
        }
        if (types.size() <= 1) {
            return types.isEmpty() ? "VARCHAR" : types.iterator().next();
        }
        if (types.contains("JSON")) {
            return "JSON";
        }
        return types.equals(Set.of("BIGINT", "DOUBLE")) ? "DOUBLE" : "VARCHAR";
    }

    private static String sqlType(Object value) {
        if (value instanceof String) {
            return "VARCHAR";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "BIGINT";
        }
        if (value instanceof Number) {
            return "DOUBLE";
        }
        return value instanceof Map || value instanceof List ? "JSON" : "VARCHAR";
    }

    private static String createStatement(String table, List<String> columns, List<String> types) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(identifier(table)).append(" (");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append(identifier(columns.get(c))).append(' ').append(types.get(c));
        }
        return sql.append(')').toString();
    }

    /** Columns named, so that rows still land right in a table an earlier export created with other columns. */
    private static String insertStatement(String table, List<String> columns) {
        return "INSERT INTO " + identifier(table)
                + columns.stream().map(DuckDbTable::identifier).collect(Collectors.joining(", ", " (", ")"))
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ", " VALUES (", ")"));
    }

    /**
     * A JSON column takes any value as JSON text; elsewhere numbers go as numbers and the rest as text, which DuckDB
     * casts to the column's type (failing, with its message, when a later row's value does not fit).
     */
    private static void bind(PreparedStatement insert, int index, String type, Object value) throws SQLException {
        if (value == null) {
            insert.setObject(index, null);
        } else if ("JSON".equals(type)) {
            insert.setString(index, Json.compact(value));
        } else if (value instanceof Number) {
            insert.setObject(index, value);
        } else {
            insert.setString(index, TableRenderer.cellText(value));
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
