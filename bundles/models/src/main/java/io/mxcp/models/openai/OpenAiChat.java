package io.mxcp.models.openai;

import java.io.IOException;
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
 * {@code POST <base>/chat/completions}: the system text as a {@code system} message, a model's calls as
 * {@code tool_calls} of an assistant message (arguments as JSON text) and each result as a {@code tool} message.
 */
final class OpenAiChat implements ChatModel {

    private final ModelSettings settings;
    private final URI completionsUri;
    private final ModelHttp http;
    private final ObjectMapper mapper;

    OpenAiChat(ModelSettings settings, URI base, ModelHttp http) {
        this.settings = settings;
        this.completionsUri = Endpoints.resolve(base, "/chat/completions");
        this.http = http;
        this.mapper = http.mapper();
    }

    @Override
    public ChatMessage.Assistant complete(ChatRequest request) throws ModelException {
        JsonNode answer = http.post(completionsUri, Map.of("Authorization", "Bearer " + settings.apiKey()),
                body(request));
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new ModelException("OpenAI API answered without choices[0].message");
        }
        // a refusal comes as its own field, with no content
        JsonNode content = message.path("content").isTextual() ? message.path("content") : message.path("refusal");
        String text = content.isTextual() ? content.asText() : "";
        if ("length".equals(choice.path("finish_reason").asText())) {
            // cut short: a tool call's arguments are cut too, so they are not read (the test reports the cut)
            return new ChatMessage.Assistant(text, List.of(), true);
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(call(call.path("id").asText(), function.path("name").asText(), function.path("arguments")));
        }
        return new ChatMessage.Assistant(text, calls, false);
    }

    private ObjectNode body(ChatRequest request) {
        ObjectNode body = mapper.createObjectNode().put("model", settings.name())
                .put("max_completion_tokens", request.maxTokens());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        request.messages().forEach(message -> addMessage(messages, message));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        return body;
    }

    private void addMessage(ArrayNode messages, ChatMessage message) {
        switch (message) {
            case ChatMessage.User user -> messages.addObject().put("role", "user").put("content", user.text());
            case ChatMessage.Assistant assistant -> {
                ObjectNode turn = messages.addObject().put("role", "assistant");
                if (assistant.text().isEmpty()) {
                    turn.putNull("content");
                } else {
                    turn.put("content", assistant.text());
                }
                if (!assistant.calls().isEmpty()) {
                    ArrayNode calls = turn.putArray("tool_calls");
                    for (ToolCall call : assistant.calls()) {
                        ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
                        entry.putObject("function").put("name", call.name())
                                .put("arguments", call.unreadableArguments() != null ? call.unreadableArguments()
                                        : mapper.valueToTree(call.arguments()).toString());
                    }
                }
            }
            case ChatMessage.ToolResults results -> {
                for (ChatMessage.ToolResult result : results.results()) {
                    messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
                            .put("content", result.error() ? "Error: " + result.content() : result.content());
                }
            }
        }
    }

    private ObjectNode tool(ToolSpec spec) {
        ObjectNode tool = mapper.createObjectNode().put("type", "function");
        ObjectNode function = tool.putObject("function").put("name", spec.name());
        if (spec.description() != null) {
            function.put("description", spec.description());
        }
        function.set("parameters", withArrayItems(mapper.valueToTree(spec.inputSchema())));
        return tool;
    }

    /**
     * OpenAI refuses a function whose schema has an array without {@code items} (MXCP allows {@code type: array}
     * alone): such arrays get {@code items: {}}, which allows any item as before.
     */
    private static JsonNode withArrayItems(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if ("array".equals(object.path("type").asText()) && !object.has("items")) {
                object.putObject("items");
            }
            object.forEach(OpenAiChat::withArrayItems);
        } else if (schema.isArray()) {
            schema.forEach(OpenAiChat::withArrayItems);
        }
        return schema;
    }

    /**
     * The arguments are JSON text; text that is not a JSON object (OpenAI says a model may send invalid JSON) makes a
     * call with unreadable arguments, which the model is told of.
     */
    @SuppressWarnings("unchecked")
    private ToolCall call(String id, String tool, JsonNode arguments) {
        if (arguments.isObject()) {
            // some servers speaking this API send the arguments as an object rather than as JSON text
            return new ToolCall(id, tool, mapper.convertValue(arguments, Map.class));
        }
        if (arguments.isMissingNode() || arguments.isNull() || arguments.isTextual() && arguments.asText().isBlank()) {
            return new ToolCall(id, tool, Map.of());
        }
        try {
            JsonNode parsed = mapper.readTree(arguments.asText());
            if (parsed != null && parsed.isObject()) {
                return new ToolCall(id, tool, mapper.convertValue(parsed, Map.class));
            }
        } catch (IOException e) {
            // unreadable, below
        }
        return new ToolCall(id, tool, Map.of(), arguments.isTextual() ? arguments.asText() : arguments.toString());
    }

    @Override
    public void close() {
        http.close();
    }
}
