package io.mxcp.cli.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) for the admin API's documented bodies and parameters. */
final class JsonSchema {

    private JsonSchema() {
    }

    static Map<String, Object> integer(String description) {
        return typed("integer", description);
    }

    static Map<String, Object> number(String description) {
        return typed("number", description);
    }

    static Map<String, Object> string(String description) {
        return typed("string", description);
    }

    static Map<String, Object> bool(String description) {
        return typed("boolean", description);
    }

    /** An ISO-8601 date-time text. */
    static Map<String, Object> dateTime(String description) {
        Map<String, Object> schema = string(description);
        schema.put("format", "date-time");
        return schema;
    }

    /** The schema, or null. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("type", List.of(schema.get("type"), "null"));
        if (schema.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            copy.put("enum", withNull);
        }
        return copy;
    }

    /** One of fixed texts. */
    static Map<String, Object> enumOf(String description, String... values) {
        Map<String, Object> schema = string(description);
        schema.put("enum", List.of(values));
        return schema;
    }

    static Map<String, Object> arrayOf(Map<String, Object> items, String description) {
        Map<String, Object> schema = typed("array", description);
        schema.put("items", items);
        return schema;
    }

    /** An object whose names are data (counts by type, ...), each value of one schema. */
    static Map<String, Object> mapOf(Map<String, Object> values, String description) {
        Map<String, Object> schema = typed("object", description);
        schema.put("additionalProperties", values);
        return schema;
    }

    /** An object of fields not described one by one. */
    static Map<String, Object> anyObject(String description) {
        return typed("object", description);
    }

    /** An object with fixed fields, every one always present. */
    static Fields object() {
        return new Fields();
    }

    /** The fields of an object schema, in the order its bodies write them. */
    static final class Fields {
        private final Map<String, Object> properties = new LinkedHashMap<>();

        Fields with(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            return this;
        }

        Map<String, Object> schema(String description) {
            Map<String, Object> schema = typed("object", description);
            schema.put("properties", properties);
            schema.put("required", new ArrayList<>(properties.keySet()));
            return schema;
        }
    }

    private static Map<String, Object> typed(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}
