package io.mxcp.models.anthropic;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.models.Endpoints;
import io.mxcp.models.ModelHttp;
import io.mxcp.sdk.model.ChatMessage;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatRequest;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ModelSettings;
import io.mxcp.sdk.model.ToolCall;
import io.mxcp.sdk.model.ToolSpec;

/**
 * {@code POST <base>/v1/messages}: the conversation as user and assistant turns, a model's calls as
 * {@code tool_use} blocks and their results as {@code tool_result} blocks of the next user turn.
 */
final class AnthropicChat implements ChatModel {

    private static final String API_VERSION = "2023-06-01";

    private final ModelSettings settings;
    private final URI messagesUri;
    private final ModelHttp http;
    private final ObjectMapper mapper;

    AnthropicChat(ModelSettings settings, URI base, ModelHttp http) {
        this.settings = settings;
        this.messagesUri = Endpoints.resolve(base, "/v1/messages");
        this.http = http;
        this.mapper = http.mapper();
    }

    @Override
    public ChatMessage.Assistant complete(ChatRequest request) throws ModelException {
        JsonNode answer = http.post(messagesUri, Map.of("x-api-key", settings.apiKey(), "anthropic-version",
                API_VERSION), body(request));
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw new ModelException("Anthropic API answered without a content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                // consecutive text blocks (citations split them) are one text
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> calls.add(call(block.path("id").asText(), block.path("name").asText(),
                        block.path("input")));
                default -> {
                    // thinking and other blocks are not part of the answer
                }
            }
        }
        return new ChatMessage.Assistant(text.toString(), calls, "max_tokens".equals(answer.path("stop_reason").asText()));
    }

    private ObjectNode body(ChatRequest request) {
        ObjectNode body = mapper.createObjectNode().put("model", settings.name()).put("max_tokens", request.maxTokens());
        if (request.system() != null) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        return body;
    }

    private ObjectNode message(ChatMessage message) {
        ObjectNode turn = mapper.createObjectNode();
        switch (message) {
            case ChatMessage.User user -> turn.put("role", "user").put("content", user.text());
            case ChatMessage.Assistant assistant -> {
                ArrayNode content = turn.put("role", "assistant").putArray("content");
                // the API refuses a text block of white space alone, which it sometimes sends before a tool call
                if (!assistant.text().isBlank()) {
                    content.addObject().put("type", "text").put("text", assistant.text());
                }
                for (ToolCall call : assistant.calls()) {
                    content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                            .set("input", mapper.valueToTree(call.arguments()));
                }
            }
            case ChatMessage.ToolResults results -> {
                ArrayNode content = turn.put("role", "user").putArray("content");
                for (ChatMessage.ToolResult result : results.results()) {
                    ObjectNode block = content.addObject().put("type", "tool_result")
                            .put("tool_use_id", result.callId()).put("content", result.content());
                    if (result.error()) {
                        block.put("is_error", true);
                    }
                }
            }
        }
        return turn;
    }

    private ObjectNode tool(ToolSpec spec) {
        ObjectNode tool = mapper.createObjectNode().put("name", spec.name());
        if (spec.description() != null) {
            tool.put("description", spec.description());
        }
        tool.set("input_schema", mapper.valueToTree(spec.inputSchema()));
        return tool;
    }

    /** A call whose {@code input} is not an object (which the API promises) has unreadable arguments. */
    @SuppressWarnings("unchecked")
    private ToolCall call(String id, String tool, JsonNode input) {
        if (input.isObject()) {
            return new ToolCall(id, tool, mapper.convertValue(input, Map.class));
        }
        return input.isMissingNode() || input.isNull() ? new ToolCall(id, tool, Map.of())
                : new ToolCall(id, tool, Map.of(), input.toString());
    }

    @Override
    public void close() {
        http.close();
    }
}
