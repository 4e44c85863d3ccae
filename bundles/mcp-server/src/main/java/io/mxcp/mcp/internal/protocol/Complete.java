package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.RpcResult;
import io.mxcp.mcp.internal.mapping.Completions;

/** {@code completion/complete} for prompt arguments ({@code ref/prompt}) and template placeholders ({@code ref/resource}). */
final class Complete {
    private final Completions completions;
    private final Results results;
    private final ObjectMapper mapper;

    Complete(Completions completions, Results results, ObjectMapper mapper) {
        this.completions = completions;
        this.results = results;
        this.mapper = mapper;
    }

    RpcResult handle(ObjectNode params, RequestContext context) throws JsonRpcException {
        JsonNode ref = params.path("ref");
        JsonNode argument = params.path("argument");
        String argumentName = argument.path("name").isTextual() ? argument.path("name").asText() : null;
        if (argumentName == null) {
            throw JsonRpcErrors.invalidParams("Invalid params: completion/complete 'argument.name' must be a string");
        }
        String typed = argument.path("value").asText("");
        Completions.Suggestions suggestions = switch (ref.path("type").asText("")) {
            case "ref/prompt" -> {
                String name = ref.path("name").asText(null);
                if (name == null || !completions.hasPrompt(name)) {
                    throw JsonRpcErrors.invalidParams("Unknown prompt: " + name);
                }
                yield completions.forPrompt(name, argumentName, typed);
            }
            case "ref/resource" -> {
                String uri = ref.path("uri").asText(null);
                if (uri == null || !completions.hasTemplate(uri)) {
                    throw JsonRpcErrors.invalidParams("Unknown resource template: " + uri);
                }
                yield completions.forTemplate(uri, argumentName, typed);
            }
            default -> throw JsonRpcErrors.invalidParams(
                    "Invalid params: completion/complete 'ref.type' must be \"ref/prompt\" or \"ref/resource\"");
        };
        ObjectNode result = mapper.createObjectNode();
        ObjectNode completion = result.putObject("completion");
        ArrayNode values = completion.putArray("values");
        suggestions.values().forEach(values::add);
        completion.put("total", suggestions.total()).put("hasMore", suggestions.hasMore());
        return RpcResult.of(results.complete(result, context.modern()));
    }
}
