package io.mxcp.kernel.duckdb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBColumnType;

import io.mxcp.kernel.api.ConnectionValues;

/**
 * The values of every connection that asked for some, behind one kernel-owned SQL function,
 * {@code mxcp_connection_value(key, name)}: each connection's read expression names its own key, so the lookup
 * needs neither the calling thread (DuckDB may run it on a worker thread) nor SQL to change a value. The keys are
 * unique in the process, so connections of two versions of one bundle (a side-by-side swap) never mix.
 */
final class ConnectionValueStore {
    static final String FUNCTION = "mxcp_connection_value";
    static final List<DuckDBColumnType> PARAMETERS = List.of(DuckDBColumnType.BIGINT, DuckDBColumnType.VARCHAR);

    private final Map<Long, Map<String, String>> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** The function's body: the named value of the keyed connection, or null. */
    Object read(Object[] arguments) {
        if (arguments[0] == null || arguments[1] == null) {
            return null;
        }
        Map<String, String> current = values.get(((Number) arguments[0]).longValue());
        return current == null ? null : current.get(arguments[1].toString());
    }

    ConnectionValues open() {
        return new Values(keys.incrementAndGet());
    }

    private final class Values implements ConnectionValues {
        private final long key;

        Values(long key) {
            this.key = key;
        }

        @Override
        public String readExpression(String nameSql) {
            return FUNCTION + "(" + key + ", " + nameSql + ")";
        }

        @Override
        public void set(Map<String, String> next) {
            values.put(key, Map.copyOf(next));
        }

        @Override
        public void close() {
            values.remove(key);
        }
    }
}
