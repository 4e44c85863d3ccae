package io.mxcp.kernel.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of DuckDB's own functions, which no plugin may take: a routed function of such a name would answer every
 * endpoint's call of the built-in ({@code lower}, {@code version}), and since DuckDB cannot drop it, would keep
 * answering "not installed" after the plugin left. Read once, from an in-memory database, when a plugin first routes
 * a function.
 */
final class BuiltInFunctions {

    private Set<String> names;

    synchronized boolean contains(String name) throws SQLException {
        if (names == null) {
            names = read();
        }
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> read() throws SQLException {
        Set<String> read = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE internal")) {
            while (rows.next()) {
                read.add(rows.getString(1));
            }
        }
        return read;
    }
}
