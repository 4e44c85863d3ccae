package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a JSON value against the part of JSON Schema the admin API's OpenAPI document uses (type, enum,
 * properties with all required, items, additionalProperties), so that a route and its documented shape cannot
 * drift apart unnoticed.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static void assertMatches(Object schema, Object value, String where) {
        Map<?, ?> rules = (Map<?, ?>) schema;
        List<?> types = rules.get("type") instanceof List<?> list ? list : List.of(rules.get("type"));
        if (rules.get("enum") instanceof List<?> values) {
            assertTrue(values.contains(value), where + ": " + value + " is not one of " + values);
        }
        if (value == null) {
            assertTrue(types.contains("null"), where + " is null, documented as " + types);
            return;
        }
        String type = typeOf(value);
        assertTrue(types.contains(type) || type.equals("integer") && types.contains("number"),
                where + " is " + type + " (" + value + "), documented as " + types);
        if (value instanceof Map<?, ?> object && rules.get("properties") instanceof Map<?, ?> properties) {
            assertEquals(new TreeSet<>(properties.keySet().stream().map(String::valueOf).toList()),
                    new TreeSet<>(object.keySet().stream().map(String::valueOf).toList()), where + "'s fields");
            properties.forEach((name, field) -> assertMatches(field, object.get(name), where + "." + name));
        }
        if (value instanceof Map<?, ?> object && rules.get("additionalProperties") != null) {
            object.forEach((name, field) -> assertMatches(rules.get("additionalProperties"), field, where + "." + name));
        }
        if (value instanceof List<?> items && rules.get("items") != null) {
            for (int i = 0; i < items.size(); i++) {
                assertMatches(rules.get("items"), items.get(i), where + "[" + i + "]");
            }
        }
    }

    private static String typeOf(Object value) {
        return switch (value) {
            case Integer i -> "integer";
            case Long l -> "integer";
            case BigInteger b -> "integer";
            case Number n -> "number";
            case String s -> "string";
            case Boolean b -> "boolean";
            case List<?> l -> "array";
            case Map<?, ?> m -> "object";
            default -> value.getClass().getName();
        };
    }
}
