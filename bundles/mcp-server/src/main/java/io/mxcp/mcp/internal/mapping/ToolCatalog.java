package io.mxcp.mcp.internal.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.mcp.internal.arguments.ArgumentCheck;

/** The served tools (enabled, loaded tool definitions, first of a name wins) and their MCP descriptions. */
public final class ToolCatalog {
    private static final List<String> ANNOTATION_KEYS = List.of("title", "readOnlyHint", "destructiveHint",
            "idempotentHint", "openWorldHint");

    /** One served tool with the MCP-layer check of its arguments. */
    public record Tool(String name, EndpointDefinition definition, ArgumentCheck arguments) {
    }

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final ArrayNode descriptions;

    public ToolCatalog(List<DiscoveredEndpoint> endpoints, ObjectMapper mapper) {
        JsonSchemas schemas = new JsonSchemas(mapper);
        descriptions = mapper.createArrayNode();
        for (EndpointDefinition definition : Served.definitions(endpoints, EndpointKind.TOOL)) {
            if (tools.containsKey(definition.name())) {
                continue;
            }
            tools.put(definition.name(), new Tool(definition.name(), definition,
                    ArgumentCheck.forTool(definition.name(), definition.parameters())));
            descriptions.add(describe(definition, schemas, mapper));
        }
    }

    private static ObjectNode describe(EndpointDefinition definition, JsonSchemas schemas, ObjectMapper mapper) {
        ObjectNode tool = mapper.createObjectNode().put("name", definition.name());
        if (definition.description() != null) {
            tool.put("description", definition.description());
        }
        tool.set("inputSchema", schemas.inputSchema(definition.parameters()));
        if (definition.returns() != null) {
            ObjectNode outputSchema = schemas.outputSchema(definition.returns());
            PolicyRelaxedSchema.apply(outputSchema, definition.returns(), !ToolResults.isObject(definition.returns()),
                    definition.policies());
            tool.set("outputSchema", outputSchema);
        }
        Map<String, Object> annotations = definition.annotations();
        if (annotations != null) {
            ObjectNode present = mapper.createObjectNode();
            for (String key : ANNOTATION_KEYS) {
                if (annotations.containsKey(key)) {
                    present.set(key, mapper.valueToTree(annotations.get(key)));
                }
            }
            if (!present.isEmpty()) {
                tool.set("annotations", present);
            }
        }
        return tool;
    }

    /** The {@code tools} array of {@code tools/list}. */
    public ArrayNode descriptions() {
        return descriptions;
    }

    /** The tool of that name, or null. */
    public Tool find(String name) {
        return tools.get(name);
    }
}
