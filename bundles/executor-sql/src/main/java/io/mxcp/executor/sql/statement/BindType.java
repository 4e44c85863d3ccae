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
import java.util.SequencedMap;
import java.util.UUID;

/**
 * The DuckDB type of a LIST or STRUCT parameter. Inferred from the value as the reference's client does (spec 01
 * §4.2): {@code [1, 2]} is {@code INTEGER[]}, {@code {'x': '1', 'y': [1]}} is {@code STRUCT("x" VARCHAR, "y"
 * INTEGER[])}, an empty list is {@code NULL[]}. An object declared with properties (or an array of them) follows its
 * declaration instead: callers leave optional properties out or null, and SQL naming such a property must still
 * bind, so the STRUCT has every declared property, in declaration order and typed as declared, then any
 * undeclared keys, inferred.
 *
 * @param sql     the type as DuckDB spells it
 * @param element the element type of a list, else null
 * @param fields  the fields of a struct, in order (empty otherwise)
 * @param guessed whether the type stands for a null value: it gives way to any other when list items are unified
 */
record BindType(String sql, BindType element, List<Field> fields, boolean guessed) {

    /** A field of a struct. */
    record Field(String name, BindType type) {
    }

    private static final BindType NULL = new BindType("NULL", null, List.of(), true);
    private static final BindType INTEGER = scalar("INTEGER");
    private static final BindType BIGINT = scalar("BIGINT");
    private static final BindType HUGEINT = scalar("HUGEINT");
    private static final BindType DOUBLE = scalar("DOUBLE");
    private static final BindType VARCHAR = scalar("VARCHAR");
    private static final BindType BOOLEAN = scalar("BOOLEAN");
    private static final BindType TIMESTAMP = scalar("TIMESTAMP");

    private static BindType scalar(String sql) {
        return new BindType(sql, null, List.of(), false);
    }

    /** The type of a list or map parameter; {@code declared} is its declared type, or null when unknown. */
    static BindType of(Object value, DeclaredType declared) {
        return declared != null && declared.shapesStructs() ? declared(value, declared) : inferred(value);
    }

    private static BindType inferred(Object value) {
        return switch (value) {
            case null -> NULL;
            case Integer i -> INTEGER;
            case Short s -> INTEGER;
            case Byte b -> INTEGER;
            case Long l -> l == l.intValue() ? INTEGER : BIGINT;
            case BigInteger big when big.bitLength() < 32 -> INTEGER;
            case BigInteger big when big.bitLength() < 64 -> BIGINT;
            case BigInteger big -> HUGEINT;
            case Double d -> DOUBLE;
            case Float f -> DOUBLE;
            case BigDecimal d -> scalar("DECIMAL(38," + Math.clamp(d.scale(), 0, 37) + ")");
            case String s -> VARCHAR;
            case Boolean b -> BOOLEAN;
            case LocalDate d -> scalar("DATE");
            case LocalTime t -> scalar("TIME");
            case LocalDateTime t -> TIMESTAMP;
            case OffsetDateTime t -> scalar("TIMESTAMP WITH TIME ZONE");
            case UUID u -> scalar("UUID");
            case byte[] bytes -> scalar("BLOB");
            case List<?> list -> inferredList(list);
            case Map<?, ?> map -> inferredStruct(map);
            default -> throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
        };
    }

    private static BindType inferredList(List<?> list) {
        BindType element = NULL;
        for (Object item : list) {
            element = common(element, inferred(item));
        }
        return listOf(element);
    }

    private static BindType inferredStruct(Map<?, ?> map) {
        if (map.isEmpty()) {
            throw new IllegalArgumentException("an empty object has no STRUCT type");
        }
        List<Field> fields = new ArrayList<>();
        map.forEach((key, value) -> fields.add(new Field(String.valueOf(key), member(value, null))));
        return structOf(fields);
    }

    /** The type of a struct field or a declared list's item: as declared if known, else inferred and bindable. */
    private static BindType member(Object value, DeclaredType declared) {
        return declared == null ? bindable(inferred(value)) : declared(value, declared);
    }

    /**
     * NULL, which DuckDB binds at the top level and as a list's element but not inside a STRUCT, as a VARCHAR
     * standing for the null; nothing about the value says more.
     */
    private static BindType bindable(BindType type) {
        if (type == NULL) {
            return VARCHAR.asGuess();
        }
        return type.element == null ? type : listOf(bindable(type.element));
    }

    private static BindType declared(Object value, DeclaredType declared) {
        BindType type = switch (declared.type()) {
            // a present value has the type its format converts to: a date-time is zoned or not by its text (§3.4)
            case "string" -> value == null ? formatType(declared.format()) : inferred(value);
            // beyond BIGINT only when the value needs it, rather than truncating it
            case "integer" -> value instanceof BigInteger big && big.bitLength() >= 64 ? inferred(value) : BIGINT;
            case "number" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "object" -> declaredStruct(value, declared.properties());
            case "array" -> declaredList(value, declared.items());
            default -> bindable(inferred(value));
        };
        return value == null ? type.asGuess() : type;
    }

    private static BindType formatType(String format) {
        return switch (format) {
            case "date" -> scalar("DATE");
            case "time" -> scalar("TIME");
            case "date-time", "timestamp" -> TIMESTAMP;
            case null, default -> VARCHAR;
        };
    }

    /** Every declared property (null when missing), then the value's undeclared keys; inferred without properties. */
    private static BindType declaredStruct(Object value, SequencedMap<String, DeclaredType> properties) {
        if (properties.isEmpty() || !(value == null || value instanceof Map<?, ?>)) {
            return bindable(inferred(value));
        }
        Map<?, ?> map = value == null ? Map.of() : (Map<?, ?>) value;
        List<Field> fields = new ArrayList<>();
        properties.forEach((name, type) -> fields.add(new Field(name, member(map.get(name), type))));
        map.forEach((key, field) -> {
            if (!properties.containsKey(String.valueOf(key))) {
                fields.add(new Field(String.valueOf(key), member(field, null)));
            }
        });
        return structOf(fields);
    }

    /**
     * Starts from the declared item type, so that an empty or all-null list still has it; inferred without an item
     * type.
     */
    private static BindType declaredList(Object value, DeclaredType items) {
        if (items == null || !(value == null || value instanceof List<?>)) {
            return bindable(inferred(value));
        }
        BindType element = declared(null, items);
        for (Object item : value == null ? List.of() : (List<?>) value) {
            element = common(element, declared(item, items));
        }
        return listOf(element);
    }

    private static BindType listOf(BindType element) {
        return new BindType(element.sql + "[]", element, List.of(), false);
    }

    private static BindType structOf(List<Field> fields) {
        StringBuilder sql = new StringBuilder("STRUCT(");
        for (Field field : fields) {
            if (sql.length() > "STRUCT(".length()) {
                sql.append(", ");
            }
            sql.append('"').append(field.name().replace("\"", "\"\"")).append("\" ").append(field.type().sql);
        }
        return new BindType(sql.append(')').toString(), null, List.copyOf(fields), false);
    }

    private BindType asGuess() {
        return guessed ? this : new BindType(sql, element, fields, true);
    }

    /**
     * The type that holds both list items: a guess for a null gives way (bare NULL even to another guess), whole
     * numbers widen, numbers mix as DOUBLE, lists and structs with the same fields unify member by member.
     */
    private static BindType common(BindType a, BindType b) {
        if (b.guessed && a != NULL) {
            return a;
        }
        if (a.guessed) {
            return b;
        }
        if (a.sql.equals(b.sql)) {
            return a;
        }
        if (a.element != null && b.element != null) {
            return listOf(common(a.element, b.element));
        }
        if (!a.fields.isEmpty() && a.fieldNames().equals(b.fieldNames())) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < a.fields.size(); i++) {
                fields.add(new Field(a.fields.get(i).name(), common(a.fields.get(i).type(), b.fields.get(i).type())));
            }
            return structOf(fields);
        }
        if (isWhole(a) && isWhole(b)) {
            return a.sql.equals(HUGEINT.sql) || b.sql.equals(HUGEINT.sql) ? HUGEINT : BIGINT;
        }
        if ((isWhole(a) || a.sql.equals(DOUBLE.sql)) && (isWhole(b) || b.sql.equals(DOUBLE.sql))) {
            return DOUBLE;
        }
        throw new IllegalArgumentException("list items have incompatible types " + a.sql + " and " + b.sql);
    }

    private List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    private static boolean isWhole(BindType type) {
        return type.sql.equals(INTEGER.sql) || type.sql.equals(BIGINT.sql) || type.sql.equals(HUGEINT.sql);
    }

    /** Converts a scalar to the Java type the driver writes for this column type. */
    Object coerce(Object value) {
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            return switch (sql) {
                case "INTEGER" -> number.intValue();
                case "BIGINT" -> number.longValue();
                // the driver takes no BigInteger inside a list or struct; a DECIMAL of scale 0 holds the value
                case "HUGEINT" -> number instanceof BigInteger big ? new BigDecimal(big)
                        : BigDecimal.valueOf(number.longValue());
                case "DOUBLE" -> number.doubleValue();
                default -> value;
            };
        }
        return value;
    }
}
