package io.mxcp.mcp.internal.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.mcp.internal.arguments.ArgumentCheck;

/** The served prompts and the mapping of rendered messages to MCP prompt messages (spec 04 §4). */
public final class PromptCatalog {
    private final Map<String, ArgumentCheck> checks = new HashMap<>();
    private final ArrayNode descriptions;
    private final ObjectMapper mapper;

    public PromptCatalog(List<DiscoveredEndpoint> endpoints, ObjectMapper mapper) {
        this.mapper = mapper;
        descriptions = mapper.createArrayNode();
        for (EndpointDefinition definition : Served.definitions(endpoints, EndpointKind.PROMPT)) {
            if (checks.putIfAbsent(definition.name(),
                    ArgumentCheck.forPrompt(definition.name(), definition.parameters())) == null) {
                descriptions.add(describe(definition));
            }
        }
    }

    private ObjectNode describe(EndpointDefinition definition) {
        ObjectNode prompt = mapper.createObjectNode().put("name", definition.name());
        if (definition.description() != null) {
            prompt.put("description", definition.description());
        }
        ArrayNode arguments = prompt.putArray("arguments");
        for (ParameterDefinition parameter : definition.parameters()) {
            ObjectNode argument = arguments.addObject().put("name", parameter.name());
            if (parameter.type().description() != null) {
                argument.put("description", parameter.type().description());
            }
            argument.put("required", parameter.required());
        }
        return prompt;
    }

    public ArrayNode descriptions() {
        return descriptions;
    }

    /** The MCP-layer check of a served prompt's arguments, or null when no prompt has that name. */
    public ArgumentCheck arguments(String name) {
        return checks.get(name);
    }

    /**
     * The {@code messages} of {@code prompts/get} from the core's rendered {@code {prompt, role, type}} maps: one
     * text item each; {@code assistant} stays, every other role (MCP has no {@code system}) is sent as {@code user}.
     */
    public ArrayNode messages(Object rendered) {
        ArrayNode messages = mapper.createArrayNode();
        if (rendered instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> message = (Map<?, ?>) item;
                String role = "assistant".equals(message.get("role")) ? "assistant" : "user";
                Object text = message.get("prompt");
                ObjectNode entry = messages.addObject().put("role", role);
                entry.putObject("content").put("type", "text").put("text", text == null ? "" : text.toString());
            }
        }
        return messages;
    }
}
