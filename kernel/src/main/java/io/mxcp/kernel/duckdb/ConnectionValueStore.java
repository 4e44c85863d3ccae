package io.mxcp.kernel.duckdb;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

import io.mxcp.kernel.api.ConnectionValues;

/**
 * The values and the caller of every connection that asked for some, reached by key: the values through one
 * kernel-owned SQL function, {@code mxcp_connection_value(key, name)}, the caller through the routed functions'
 * entry points. Each connection's SQL passes its own key, so the lookup needs neither the calling thread (DuckDB may
 * run it on a worker thread) nor SQL to change a value. The keys are unique in the process, so connections of two
 * versions of one bundle (a side-by-side swap) never mix, and secret: SQL can pass any key, and a caller who may
 * write SQL ({@code execute_sql_query}) must not reach another connection's values. So keys are random, and no SQL
 * text holds one (DuckDB's query log would show it): a connection keeps its key in a variable set by a prepared
 * statement, and every reference to it and to the kernel's functions is qualified with the system catalog, which a
 * macro of the database's own schema cannot shadow.
 */
final class ConnectionValueStore {
    private static final String FUNCTION = "mxcp_connection_value";
    private static final String KEY_VARIABLE = "mxcp_connection_key";
    /** The connection's key, as SQL reads it. */
    static final String KEY_SQL = "system.main.getvariable('" + KEY_VARIABLE + "')::BIGINT";

    private record Entry(Map<String, String> values, Object caller) {
    }

    private static final Entry EMPTY = new Entry(Map.of(), null);

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final SecureRandom keys = new SecureRandom();
    private final Supplier<RoutedNames> routedNames;

    ConnectionValueStore(Supplier<RoutedNames> routedNames) {
        this.routedNames = routedNames;
    }

    /** Registers the read function on a database (it never changes, so it is no route). */
    void register(Connection database) throws SQLException {
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(FUNCTION)
                    .withParameter(DuckDBColumnType.BIGINT)
                    .withParameter(DuckDBColumnType.VARCHAR)
                    .withReturnType(DuckDBColumnType.VARCHAR)
                    // volatile: a cached statement must read the value of each execution, not of its preparation
                    .withVolatile()
                    .withFunction((Object key, Object name) -> value(key, name))
                    .register(database);
        }
    }

    private Object value(Object key, Object name) {
        Entry entry = entry(key);
        return entry == null || name == null ? null : entry.values().get(name.toString());
    }

    /** The caller the keyed connection was given, or null. */
    Object caller(Object key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.caller();
    }

    private Entry entry(Object key) {
        return key instanceof Number number ? entries.get(number.longValue()) : null;
    }

    ConnectionValues open() {
        long key;
        do {
            key = keys.nextLong() & Long.MAX_VALUE;
        } while (entries.putIfAbsent(key, EMPTY) != null);
        return new Values(key);
    }

    private final class Values implements ConnectionValues {
        private final long key;
        /** The routed names this connection's macros declare, -1 before the key is set; only its user reads it. */
        private int boundVersion = -1;

        Values(long key) {
            this.key = key;
        }

        @Override
        public String readExpression(String nameSql) {
            return "system.main." + FUNCTION + "(" + KEY_SQL + ", " + nameSql + ")";
        }

        @Override
        public void set(Map<String, String> next, Object caller) {
            // replace, not put: values set after close must not bring the key back
            entries.replace(key, next.isEmpty() && caller == null ? EMPTY : new Entry(Map.copyOf(next), caller));
        }

        @Override
        public void bind(Connection connection) throws SQLException {
            if (boundVersion < 0) {
                try (PreparedStatement setKey = connection.prepareStatement("SET VARIABLE " + KEY_VARIABLE + " = ?")) {
                    setKey.setLong(1, key);
                    setKey.execute();
                }
                boundVersion = 0;
            }
            RoutedNames names = routedNames.get();
            if (names.version() == boundVersion) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(names.macros());
            }
            boundVersion = names.version();
        }

        @Override
        public void close() {
            entries.remove(key);
        }
    }
}
