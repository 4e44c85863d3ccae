package io.mxcp.mcp.internal.mapping;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.JsonSchema;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** The JSON Schemas of a tool ({@link JsonSchema} as Jackson trees), with the output wrapped as MCP wants it. */
public final class JsonSchemas {
    private static final Set<String> DATE_FORMATS = Set.of("date", "time", "date-time", "timestamp");
    private final ObjectMapper mapper;

    public JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tool's {@code inputSchema}: one property per parameter; {@code required} = those without a default. */
    public ObjectNode inputSchema(List<ParameterDefinition> parameters) {
        return mapper.valueToTree(JsonSchema.forParameters(parameters));
    }

    /**
     * A tool's {@code outputSchema}: an object return as is, anything else wrapped as {@code {result}}. Date and
     * time formats are left out: results carry them as the original serializes them (a DATE as a midnight
     * timestamp, date-times without an offset; spec 01 §3.6), which JSON Schema's formats refuse, and clients that
     * validate structured content (the official SDKs do) would reject every such result.
     */
    public ObjectNode outputSchema(TypeDefinition returns) {
        ObjectNode schema;
        if (ToolResults.isObject(returns)) {
            schema = of(returns);
        } else {
            schema = mapper.createObjectNode().put("type", "object");
            schema.putObject("properties").set(ToolResults.WRAPPER_KEY, of(returns));
            schema.putArray("required").add(ToolResults.WRAPPER_KEY);
        }
        withoutDateFormats(schema);
        return schema;
    }

    private static void withoutDateFormats(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (DATE_FORMATS.contains(object.path("format").asText())) {
            object.remove("format");
        }
        object.path("properties").forEach(JsonSchemas::withoutDateFormats);
        withoutDateFormats(object.get("items"));
    }

    public ObjectNode of(TypeDefinition type) {
        return mapper.valueToTree(JsonSchema.forType(type));
    }
}
