package io.mxcp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.models.anthropic.AnthropicModels;
import io.mxcp.sdk.model.ChatMessage;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatRequest;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ModelSettings;
import io.mxcp.sdk.model.ToolCall;
import io.mxcp.sdk.model.ToolSpec;

/** {@code type: claude}: the Messages API request a conversation with tools becomes, and how answers are read. */
class AnthropicModelsTest {

    private static final ToolSpec PEOPLE = new ToolSpec("people", "Lists people.",
            Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer"))));

    @Test
    void aConversationWithToolUseIsSentAsMessagesAndTheAnswersBlocksAreRead() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"id":"msg_1","type":"message","role":"assistant","stop_reason":"tool_use","content":[
                      {"type":"thinking","thinking":"hmm"},
                      {"type":"text","text":"Looking."},
                      {"type":"tool_use","id":"toolu_2","name":"people","input":{"n":3}},
                      {"type":"tool_use","id":"toolu_3","name":"people","input":"three"}]}"""));
            ChatModel model = new AnthropicModels().open(new ModelSettings("claude-sonnet-4-5", "sk-ant-test",
                    api.base("/"), Duration.ofSeconds(5), 0));
            List<ChatMessage> conversation = List.of(new ChatMessage.User("Who is there?"),
                    new ChatMessage.Assistant("\n\n", List.of(new ToolCall("toolu_1", "people", Map.of("n", 1)))),
                    new ChatMessage.ToolResults(List.of(new ChatMessage.ToolResult("toolu_1", "denied", true))));

            ChatMessage.Assistant answer = model.complete(new ChatRequest("Be brief.", conversation, List.of(PEOPLE), 4096));

            assertEquals(new ChatMessage.Assistant("Looking.", List.of(new ToolCall("toolu_2", "people", Map.of("n", 3)),
                    new ToolCall("toolu_3", "people", Map.of(), "\"three\""))), answer, "an input not an object is kept");
            StandInApi.Received request = api.received.get(0);
            assertEquals("/v1/messages", request.path());
            assertEquals("sk-ant-test", request.headers().getFirst("x-api-key"));
            assertEquals("2023-06-01", request.headers().getFirst("anthropic-version"));
            JsonNode body = request.body();
            assertEquals("claude-sonnet-4-5", body.path("model").asText());
            assertEquals(4096, body.path("max_tokens").asInt());
            assertEquals("Be brief.", body.path("system").asText());
            assertEquals("people", body.path("tools").path(0).path("name").asText());
            assertEquals("integer", body.at("/tools/0/input_schema/properties/n/type").asText());
            assertEquals("Who is there?", body.at("/messages/0/content").asText());
            JsonNode assistant = body.path("messages").path(1);
            assertEquals("assistant", assistant.path("role").asText());
            assertEquals(1, assistant.path("content").size(), "no blank text block: the API refuses one");
            assertEquals("tool_use", assistant.at("/content/0/type").asText());
            assertEquals(1, assistant.at("/content/0/input/n").asInt());
            JsonNode result = body.at("/messages/2/content/0");
            assertEquals("tool_result", result.path("type").asText());
            assertEquals("toolu_1", result.path("tool_use_id").asText());
            assertTrue(result.path("is_error").asBoolean());
            model.close();
        }
    }

    @Test
    void anAnswerCutShortAtTheTokenLimitIsMarkedTruncated() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"role":"assistant","stop_reason":"max_tokens","content":[{"type":"text","text":"Ann, "},
                     {"type":"text","text":"Bob and"}]}"""));
            try (ChatModel model = new AnthropicModels().open(new ModelSettings("m", "k", api.base("/"),
                    Duration.ofSeconds(5), 0))) {
                ChatMessage.Assistant answer = model.complete(new ChatRequest(null,
                        List.of(new ChatMessage.User("hi")), List.of(), 10));
                assertEquals(new ChatMessage.Assistant("Ann, Bob and", List.of(), true), answer);
            }
        }
    }

    @Test
    void theApisErrorIsReportedWithoutTheKey() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(new StandInApi.Answer(401,
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}",
                    Map.of()));
            ChatModel model = new AnthropicModels().open(new ModelSettings("m", "sk-secret", api.base("/"),
                    Duration.ofSeconds(5), 3));
            ModelException error = assertThrows(ModelException.class,
                    () -> model.complete(new ChatRequest(null, List.of(new ChatMessage.User("hi")), List.of(), 10)));
            model.close();
            assertEquals("Anthropic API at " + api.base("/v1/messages") + " answered 401: invalid x-api-key (check the "
                    + "api_key of model 'm')", error.getMessage());
            assertFalse(error.getMessage().contains("sk-secret"));
            assertEquals(1, api.received.size(), "a refused key is not retried");
            assertTrue(api.received.get(0).body().path("tools").isMissingNode(), "no tools, no tools key");
        }
    }
}
