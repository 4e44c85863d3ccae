package io.mxcp.executor.python.plugin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.duckdb.DuckDBColumnType;

/**
 * A UDF's Python result as the Java type DuckDB expects for the declared return type. A result that does not fit
 * (an {@code int} beyond INTEGER, a float or a bool for an {@code int}, a number for a {@code bool}, a list or dict
 * for a {@code str}) fails the statement rather than reaching SQL cut to size or in Java's notation.
 */
final class SqlResults {

    private SqlResults() {
    }

    /** @param function the UDF's SQL name, which a result that does not fit names */
    static Object as(String function, Object value, DuckDBColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> {
                long integral = integral(function, value, type);
                if (integral != (int) integral) {
                    throw mismatch(function, value, type, "out of its range");
                }
                yield (int) integral;
            }
            case BIGINT -> integral(function, value, type);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw mismatch(function, value, type, "not a bool");
                }
                yield value;
            }
            case DOUBLE -> number(function, value, type).doubleValue();
            case FLOAT -> number(function, value, type).floatValue();
            case DECIMAL -> value instanceof BigDecimal ? value : new BigDecimal(number(function, value, type).toString());
            case VARCHAR -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw mismatch(function, value, type, "not a str");
                }
                yield value instanceof Boolean ? shown(value) : value.toString();
            }
            default -> value;
        };
    }

    private static long integral(String function, Object value, DuckDBColumnType type) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            throw mismatch(function, value, type, "out of its range");
        }
        throw mismatch(function, value, type, "not an int");
    }

    private static Number number(String function, Object value, DuckDBColumnType type) {
        if (value instanceof Number number) {
            return number;
        }
        throw mismatch(function, value, type, "not a number");
    }

    private static UdfFailure mismatch(String function, Object value, DuckDBColumnType type, String why) {
        return new UdfFailure("UDF " + function + " returned " + shown(value) + ", which does not fit its return "
                + "type " + type + ": " + why);
    }

    /**
     * The value as Python shows it ({@code repr}): a str quoted, so that it is not read as the message's own words;
     * bools, None, lists and dicts as Python writes them.
     */
    private static String shown(Object value) {
        return switch (value) {
            case null -> "None";
            case String text -> "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case Boolean bool -> bool ? "True" : "False";
            case List<?> list -> list.stream().map(SqlResults::shown).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> shown(entry.getKey()) + ": " + shown(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(value);
        };
    }
}
