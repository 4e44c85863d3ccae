package io.mxcp.core.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.internal.types.PythonText;

/**
 * Reads one closed record of a YAML tree with pydantic's rules (spec 01 §0.2–0.4): fields are read in
 * the model's order, each failure names its dotted location, and {@link #close()} rejects keys no field
 * read.
 */
public final class StrictObject {

    private final Map<String, Object> values;
    private final String location;
    private final Set<String> read = new HashSet<>();

    private StrictObject(Map<String, Object> values, String location) {
        this.values = values;
        this.location = location;
    }

    /** Wraps a mapping, or fails with pydantic's "valid dictionary" message naming the model. */
    public static StrictObject of(Object raw, String location, String modelName) throws SchemaException {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new SchemaException(location, "Input should be a valid dictionary or instance of " + modelName);
        }
        return new StrictObject(stringKeys(map), location);
    }

    /** A mapping's keys as strings (YAML allows other scalars as keys; Python would print them with str()). */
    public static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(PythonText.str(k), v));
        return copy;
    }

    public String location() {
        return location;
    }

    /** The dotted location of a field of this object. */
    public String at(String key) {
        return join(location, key);
    }

    public static String join(String location, Object segment) {
        return location == null || location.isEmpty() ? String.valueOf(segment) : location + "." + segment;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    /** The raw value, or null when absent. */
    public Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    public String requiredString(String key) throws SchemaException {
        if (!has(key)) {
            throw new SchemaException(at(key), "Field required");
        }
        Object value = raw(key);
        if (!(value instanceof String s)) {
            throw new SchemaException(at(key), "Input should be a valid string");
        }
        return s;
    }

    /** An optional string: absent or null gives the default. */
    public String string(String key, String defaultValue) throws SchemaException {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String s)) {
            throw new SchemaException(at(key), "Input should be a valid string");
        }
        return s;
    }

    /** A non-optional bool with a default: null is an error, as in pydantic. */
    public boolean bool(String key, boolean defaultValue) throws SchemaException {
        if (!has(key)) {
            return defaultValue;
        }
        return LaxScalars.toBoolean(raw(key), at(key));
    }

    /** An optional bool: absent or null gives null. */
    public Boolean optionalBool(String key) throws SchemaException {
        Object value = raw(key);
        return value == null ? null : LaxScalars.toBoolean(value, at(key));
    }

    public long integer(String key, long defaultValue) throws SchemaException {
        if (!has(key)) {
            return defaultValue;
        }
        return LaxScalars.toLong(raw(key), at(key));
    }

    /** An optional int: absent or null gives null; {@code minimum} as pydantic's {@code ge}. */
    public Integer optionalInteger(String key, Integer minimum) throws SchemaException {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        long v = LaxScalars.toLong(value, at(key));
        if (minimum != null && v < minimum) {
            throw new SchemaException(at(key), "Input should be greater than or equal to " + minimum);
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new SchemaException(at(key), "Input should be a whole number between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    public Double optionalNumber(String key) throws SchemaException {
        Object value = raw(key);
        return value == null ? null : LaxScalars.toDouble(value, at(key));
    }

    /** One of the listed string literals (case-sensitive); absent gives the default, null is an error. */
    public String literal(String key, String defaultValue, String... options) throws SchemaException {
        if (!has(key)) {
            return defaultValue;
        }
        return literalValue(raw(key), at(key), options);
    }

    /** An optional literal: absent or null gives null. */
    public String optionalLiteral(String key, String... options) throws SchemaException {
        Object value = raw(key);
        return value == null ? null : literalValue(value, at(key), options);
    }

    public static String literalValue(Object value, String location, String... options) throws SchemaException {
        for (String option : options) {
            if (option.equals(value)) {
                return option;
            }
        }
        throw new SchemaException(location, "Input should be " + quotedAlternatives(options));
    }

    /** {@code 'a', 'b' or 'c'}. */
    static String quotedAlternatives(String... options) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.length; i++) {
            if (i > 0) {
                text.append(i == options.length - 1 ? " or " : ", ");
            }
            text.append('\'').append(options[i]).append('\'');
        }
        return text.toString();
    }

    /** An optional list of strings: absent or null gives null. */
    public List<String> optionalStringList(String key) throws SchemaException {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        return stringList(value, at(key));
    }

    public static List<String> stringList(Object value, String location) throws SchemaException {
        if (!(value instanceof List<?> list)) {
            throw new SchemaException(location, "Input should be a valid list");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new SchemaException(join(location, i), "Input should be a valid string");
            }
            result.add(s);
        }
        return result;
    }

    /** An optional list of anything: absent or null gives null. */
    public List<Object> optionalList(String key) throws SchemaException {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new SchemaException(at(key), "Input should be a valid list");
        }
        return new ArrayList<>(list);
    }

    /** An optional free mapping: absent or null gives null. */
    public Map<String, Object> optionalMap(String key) throws SchemaException {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new SchemaException(at(key), "Input should be a valid dictionary");
        }
        return stringKeys(map);
    }

    /** Rejects every key that no field read. */
    public void close() throws SchemaException {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new SchemaException(at(key), "Extra inputs are not permitted");
            }
        }
    }
}
