package io.mxcp.kernel.duckdb;

import java.security.SecureRandom;
import java.sql.Connection;
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
 * versions of one bundle (a side-by-side swap) never mix, and random: SQL can pass any key, and a caller who may
 * write SQL ({@code execute_sql_query}) must not reach another connection's values by counting.
 */
final class ConnectionValueStore {
    private static final String FUNCTION = "mxcp_connection_value";

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
        /** The routed names this connection's macros declare; only its user's thread reads and writes it. */
        private int boundVersion;

        Values(long key) {
            this.key = key;
        }

        @Override
        public String readExpression(String nameSql) {
            return FUNCTION + "(" + key + ", " + nameSql + ")";
        }

        @Override
        public void set(Map<String, String> next, Object caller) {
            entries.put(key, next.isEmpty() && caller == null ? EMPTY : new Entry(Map.copyOf(next), caller));
        }

        @Override
        public void bindRoutedFunctions(Connection connection) throws SQLException {
            RoutedNames names = routedNames.get();
            if (names.version() == boundVersion) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(names.macros(key));
            }
            boundVersion = names.version();
        }

        @Override
        public void close() {
            entries.remove(key);
        }
    }
}
