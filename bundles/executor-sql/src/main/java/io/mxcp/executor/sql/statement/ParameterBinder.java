package io.mxcp.executor.sql.statement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binds Java values to positional parameters with the DuckDB types the Python client infers (spec 01 §4.2):
 * whole numbers as INTEGER, or BIGINT when they do not fit; lists as typed LISTs; maps as STRUCTs, shaped by the
 * parameter's declaration when it declares object properties (see {@link BindType}).
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * @param names         the parameter names, lower-cased, in position order
     * @param values        their values, in the same order
     * @param declaredTypes the declared parameter types by lower-cased name; a parameter without one binds by
     *                      inference
     */
    public static void bind(PreparedStatement statement, List<String> names, List<Object> values,
            Map<String, DeclaredType> declaredTypes) throws SQLException {
        Connection connection = statement.getConnection();
        for (int i = 0; i < values.size(); i++) {
            String name = names.get(i);
            bindOne(statement, connection, i + 1, name, values.get(i), declaredTypes.get(name));
        }
    }

    private static void bindOne(PreparedStatement statement, Connection connection, int position, String name, Object value,
            DeclaredType declared) throws SQLException {
        switch (value) {
            case null -> statement.setNull(position, Types.NULL);
            case Integer i -> statement.setInt(position, i);
            case Short s -> statement.setInt(position, s);
            case Byte b -> statement.setInt(position, b);
            case Long l -> bindLong(statement, position, l);
            case BigInteger big when big.bitLength() < 64 -> bindLong(statement, position, big.longValue());
            case Float f -> statement.setDouble(position, f);
            case Double d -> statement.setDouble(position, d);
            case ZonedDateTime zoned -> statement.setObject(position, zoned.toOffsetDateTime());
            case String s -> statement.setString(position, s);
            case Boolean b -> statement.setBoolean(position, b);
            case BigInteger big -> statement.setObject(position, big);
            case BigDecimal d -> statement.setBigDecimal(position, d);
            case LocalDate d -> statement.setObject(position, d);
            case LocalTime t -> statement.setObject(position, t);
            case LocalDateTime t -> statement.setObject(position, t);
            case OffsetDateTime t -> statement.setObject(position, t);
            case UUID u -> statement.setObject(position, u);
            case byte[] bytes -> statement.setBytes(position, bytes);
            case List<?> list -> statement.setArray(position, (Array) nested(connection, name, list, declared));
            case Map<?, ?> map -> statement.setObject(position, nested(connection, name, map, declared));
            default -> throw new SQLException("Invalid Input Error: Unsupported value for parameter $" + name + ": "
                    + value.getClass().getName());
        }
    }

    private static void bindLong(PreparedStatement statement, int position, long value) throws SQLException {
        if (value == (int) value) {
            statement.setInt(position, (int) value);
        } else {
            statement.setLong(position, value);
        }
    }

    /** A list or map as the driver's ARRAY / STRUCT value, with every element converted to its bind type. */
    private static Object nested(Connection connection, String name, Object value, DeclaredType declared)
            throws SQLException {
        BindType type;
        try {
            type = BindType.of(value, declared);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Invalid Input Error: Cannot bind parameter $" + name + ": " + e.getMessage(), e);
        }
        return toDriverValue(connection, value, type);
    }

    private static Object toDriverValue(Connection connection, Object value, BindType type) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            Object[] elements = new Object[list.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = toDriverValue(connection, list.get(i), type.element());
            }
            return connection.createArrayOf(type.element().sql(), elements);
        }
        if (value instanceof Map<?, ?> map) {
            // the type's fields, not the map's entries: declared properties the caller left out are null
            Map<String, Object> byName = new HashMap<>();
            map.forEach((key, field) -> byName.put(String.valueOf(key), field));
            Object[] fields = new Object[type.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                BindType.Field field = type.fields().get(i);
                fields[i] = toDriverValue(connection, byName.get(field.name()), field.type());
            }
            return connection.createStruct(type.sql(), fields);
        }
        return type.coerce(value);
    }
}
