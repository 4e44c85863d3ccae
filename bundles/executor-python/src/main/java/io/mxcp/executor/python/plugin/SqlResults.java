package io.mxcp.executor.python.plugin;

import java.math.BigDecimal;

import org.duckdb.DuckDBColumnType;

/** A UDF's Python result as the Java type DuckDB expects for the declared return type. */
final class SqlResults {

    private SqlResults() {
    }

    static Object as(Object value, DuckDBColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case FLOAT -> ((Number) value).floatValue();
            case DECIMAL -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
            case VARCHAR -> value.toString();
            default -> value;
        };
    }
}
