package io.mxcp.mcp.internal.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.mxcp.core.model.JsonSchema;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/** The JSON Schemas of a tool ({@link JsonSchema} as Jackson trees), with the output wrapped as MCP wants it. */
public final class JsonSchemas {
    private static final List<String> LEFT_OUT_OF_OUTPUT = List.of("enum", "pattern", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "uniqueItems", "format");
    private final ObjectMapper mapper;

    public JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tool's {@code inputSchema}: one property per parameter; {@code required} = those without a default. */
    public ObjectNode inputSchema(List<ParameterDefinition> parameters) {
        return mapper.valueToTree(JsonSchema.forParameters(parameters));
    }

    /**
     * A tool's {@code outputSchema}: an object return as is, anything else wrapped as {@code {result}}. It describes
     * what the server accepts as a result (spec 01 §3.6), since clients that validate structured content (the
     * official SDKs do) reject whatever it leaves out: a null passes every type below the top (a SQL NULL in any
     * column), the keywords the server does not check on output are left out ({@code enum}, {@code pattern}, the
     * exclusive bounds, {@code multipleOf}, {@code uniqueItems}), and so are the formats: results carry dates and
     * times as the original serializes them (a DATE as a midnight timestamp, date-times without an offset, intervals
     * with fractions or a sign), and the output check of {@code email} and {@code uri} is the original's loose one.
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
        asResultsAre(schema, true);
        return schema;
    }

    /** @param top whether this is the schema of the structured content itself, which is an object, never null */
    private static void asResultsAre(JsonNode schema, boolean top) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        object.remove(LEFT_OUT_OF_OUTPUT);
        if (!top && object.get("type") instanceof TextNode type) {
            object.putArray("type").add(type.asText()).add("null");
        }
        object.path("properties").forEach(property -> asResultsAre(property, false));
        asResultsAre(object.get("items"), false);
    }

    public ObjectNode of(TypeDefinition type) {
        return mapper.valueToTree(JsonSchema.forType(type));
    }
}
