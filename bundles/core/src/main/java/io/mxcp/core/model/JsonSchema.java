package io.mxcp.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.internal.types.ValueSerializer;

/**
 * MXCP types (spec 01 §3.1) as JSON Schema, with the constraints under the keywords of the same meaning: what MCP
 * clients and the models of {@code mxcp evals} are shown. Schemas are JSON-ready maps in keyword order (YAML dates in
 * defaults, examples and enums as the ISO text endpoints' results use).
 *
 * @since 1.1
 */
public final class JsonSchema {

    /**
     * The formats whose JSON Schema meaning admits what the server accepts. Not {@code time}, which JSON Schema
     * defines with a required offset where the server takes Python's {@code %H:%M:%S} and refuses one, nor
     * {@code timestamp}, which JSON Schema does not define (strict validators refuse to compile the schema).
     */
    private static final Set<String> JSON_SCHEMA_FORMATS = Set.of("email", "uri", "date", "date-time", "duration");

    private JsonSchema() {
    }

    /**
     * A tool's input schema: one property per parameter; {@code required} = those without a default; no other
     * property when there are parameters, since a call naming another is refused ({@code Unknown parameter: x}; a
     * tool without parameters takes any arguments, spec 01 §3.3).
     */
    public static Map<String, Object> forParameters(List<ParameterDefinition> parameters) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ParameterDefinition parameter : parameters) {
            properties.put(parameter.name(), forType(parameter.type()));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (!parameters.isEmpty()) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    public static Map<String, Object> forType(TypeDefinition type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        put(schema, "type", type.hasNullDefault() && type.type() != null ? List.of(type.type(), "null") : type.type());
        put(schema, "description", type.description());
        if (type.hasDefault()) {
            schema.put("default", ValueSerializer.serialize(type.defaultValue()));
        }
        put(schema, "examples", ValueSerializer.serialize(type.examples()));
        if (type.format() != null && JSON_SCHEMA_FORMATS.contains(type.format())) {
            schema.put("format", type.format());
        }
        put(schema, "enum", ValueSerializer.serialize(type.enumValues()));
        put(schema, "minLength", type.minLength());
        put(schema, "maxLength", type.maxLength());
        put(schema, "pattern", type.pattern());
        put(schema, "minimum", type.minimum());
        put(schema, "maximum", type.maximum());
        put(schema, "exclusiveMinimum", type.exclusiveMinimum());
        put(schema, "exclusiveMaximum", type.exclusiveMaximum());
        put(schema, "multipleOf", type.multipleOf());
        put(schema, "minItems", type.minItems());
        put(schema, "maxItems", type.maxItems());
        put(schema, "uniqueItems", type.uniqueItems());
        if (type.items() != null) {
            schema.put("items", forType(type.items()));
        }
        if (type.properties() != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            type.properties().forEach((name, property) -> properties.put(name, forType(property)));
            schema.put("properties", properties);
        }
        put(schema, "required", type.required());
        put(schema, "additionalProperties", type.additionalProperties());
        return schema;
    }

    private static void put(Map<String, Object> schema, String key, Object value) {
        if (value != null) {
            schema.put(key, value);
        }
    }
}
