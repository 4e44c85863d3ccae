package io.mxcp.mcp.internal.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.JsonSchema;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** The JSON Schemas of a tool ({@link JsonSchema} as Jackson trees), with the output wrapped as MCP wants it. */
public final class JsonSchemas {
    private final ObjectMapper mapper;

    public JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tool's {@code inputSchema}: one property per parameter; {@code required} = those without a default. */
    public ObjectNode inputSchema(List<ParameterDefinition> parameters) {
        return mapper.valueToTree(JsonSchema.forParameters(parameters));
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
        return mapper.valueToTree(JsonSchema.forType(type));
    }
}
