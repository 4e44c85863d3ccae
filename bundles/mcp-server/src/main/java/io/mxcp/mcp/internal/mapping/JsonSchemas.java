package io.mxcp.mcp.internal.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** MXCP types (spec 01 §3.1) as JSON Schema, with the constraints under the keywords of the same meaning. */
public final class JsonSchemas {
    private final ObjectMapper mapper;

    public JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tool's {@code inputSchema}: one property per parameter; {@code required} = those without a default. */
    public ObjectNode inputSchema(List<ParameterDefinition> parameters) {
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        for (ParameterDefinition parameter : parameters) {
            properties.set(parameter.name(), of(parameter.type()));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** A tool's {@code outputSchema}: an object return as is, anything else wrapped as {@code {result}}. */
    public ObjectNode outputSchema(TypeDefinition returns) {
        if (ToolResults.isObject(returns)) {
            return of(returns);
        }
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        schema.putObject("properties").set(ToolResults.WRAPPER_KEY, of(returns));
        schema.putArray("required").add(ToolResults.WRAPPER_KEY);
        return schema;
    }

    public ObjectNode of(TypeDefinition type) {
        ObjectNode schema = mapper.createObjectNode();
        putText(schema, "type", type.type());
        putText(schema, "description", type.description());
        if (type.hasDefault()) {
            schema.set("default", mapper.valueToTree(type.defaultValue()));
        }
        putValue(schema, "examples", type.examples());
        putText(schema, "format", type.format());
        putValue(schema, "enum", type.enumValues());
        putValue(schema, "minLength", type.minLength());
        putValue(schema, "maxLength", type.maxLength());
        putText(schema, "pattern", type.pattern());
        putValue(schema, "minimum", type.minimum());
        putValue(schema, "maximum", type.maximum());
        putValue(schema, "exclusiveMinimum", type.exclusiveMinimum());
        putValue(schema, "exclusiveMaximum", type.exclusiveMaximum());
        putValue(schema, "multipleOf", type.multipleOf());
        putValue(schema, "minItems", type.minItems());
        putValue(schema, "maxItems", type.maxItems());
        putValue(schema, "uniqueItems", type.uniqueItems());
        if (type.items() != null) {
            schema.set("items", of(type.items()));
        }
        if (type.properties() != null) {
            ObjectNode properties = schema.putObject("properties");
            for (Map.Entry<String, TypeDefinition> property : type.properties().entrySet()) {
                properties.set(property.getKey(), of(property.getValue()));
            }
        }
        putValue(schema, "required", type.required());
        putValue(schema, "additionalProperties", type.additionalProperties());
        return schema;
    }

    private static void putText(ObjectNode schema, String key, String value) {
        if (value != null) {
            schema.put(key, value);
        }
    }

    private void putValue(ObjectNode schema, String key, Object value) {
        if (value != null) {
            schema.set(key, mapper.valueToTree(value));
        }
    }
}
