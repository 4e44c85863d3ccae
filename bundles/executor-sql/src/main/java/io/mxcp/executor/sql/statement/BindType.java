package io.mxcp.executor.sql.statement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The DuckDB type inferred for a value inside a LIST or STRUCT parameter: {@code [1, 2]} is
 * {@code INTEGER[]}, {@code {'x': '1', 'y': [1]}} is {@code STRUCT("x" VARCHAR, "y" INTEGER[])}, an empty list
 * is {@code NULL[]}.
 *
 * @param sql     the type as DuckDB spells it
 * @param element the element type of a list, else null
 * @param fields  the field types of a struct, in key order (empty otherwise)
 */
record BindType(String sql, BindType element, List<BindType> fields) {

    private static final BindType NULL = scalar("NULL");
    private static final BindType INTEGER = scalar("INTEGER");
    private static final BindType BIGINT = scalar("BIGINT");
    private static final BindType DOUBLE = scalar("DOUBLE");

    private static BindType scalar(String sql) {
        return new BindType(sql, null, List.of());
    }

    static BindType of(Object value) {
        return switch (value) {
            case null -> NULL;
            case Integer i -> INTEGER;
            case Short s -> INTEGER;
            case Byte b -> INTEGER;
            case Long l -> l == l.intValue() ? INTEGER : BIGINT;
            case BigInteger big when big.bitLength() < 32 -> INTEGER;
            case BigInteger big when big.bitLength() < 64 -> BIGINT;
            case BigInteger big -> scalar("HUGEINT");
            case Double d -> DOUBLE;
            case Float f -> DOUBLE;
            case BigDecimal d -> scalar("DECIMAL(38," + Math.clamp(d.scale(), 0, 37) + ")");
            case String s -> scalar("VARCHAR");
            case Boolean b -> scalar("BOOLEAN");
            case LocalDate d -> scalar("DATE");
            case LocalTime t -> scalar("TIME");
            case LocalDateTime t -> scalar("TIMESTAMP");
            case OffsetDateTime t -> scalar("TIMESTAMP WITH TIME ZONE");
            case UUID u -> scalar("UUID");
            case byte[] bytes -> scalar("BLOB");
            case List<?> list -> listOf(list);
            case Map<?, ?> map -> structOf(map);
            default -> throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
        };
    }

    private static BindType listOf(List<?> list) {
        BindType element = NULL;
        for (Object item : list) {
            element = common(element, of(item));
        }
        return new BindType(element.sql + "[]", element, List.of());
    }

    private static BindType structOf(Map<?, ?> map) {
        if (map.isEmpty()) {
            throw new IllegalArgumentException("an empty object has no STRUCT type");
        }
        List<BindType> fields = new ArrayList<>();
        StringBuilder sql = new StringBuilder("STRUCT(");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            BindType field = of(entry.getValue());
            fields.add(field);
            if (fields.size() > 1) {
                sql.append(", ");
            }
            sql.append('"').append(String.valueOf(entry.getKey()).replace("\"", "\"\"")).append("\" ").append(field.sql);
        }
        return new BindType(sql.append(')').toString(), null, fields);
    }

    /** The type that holds both: NULL gives way, whole numbers widen, numbers mix as DOUBLE. */
    private static BindType common(BindType a, BindType b) {
        if (a.sql.equals(b.sql) || b == NULL) {
            return a;
        }
        if (a == NULL) {
            return b;
        }
        if (isWhole(a) && isWhole(b)) {
            return BIGINT;
        }
        if ((isWhole(a) || a == DOUBLE) && (isWhole(b) || b == DOUBLE)) {
            return DOUBLE;
        }
        throw new IllegalArgumentException("list items have incompatible types " + a.sql + " and " + b.sql);
    }

    private static boolean isWhole(BindType type) {
        return type == INTEGER || type == BIGINT;
    }

    /** Converts a scalar to the Java type the driver writes for this column type. */
    Object coerce(Object value) {
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            if (this == INTEGER) {
                return number.intValue();
            }
            if (this == BIGINT) {
                return number.longValue();
            }
            if (this == DOUBLE) {
                return number.doubleValue();
            }
        }
        return value;
    }
}
