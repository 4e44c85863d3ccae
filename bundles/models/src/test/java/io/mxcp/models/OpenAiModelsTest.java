package io.mxcp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.models.openai.OpenAiModels;
import io.mxcp.sdk.model.ChatMessage;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatRequest;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ModelSettings;
import io.mxcp.sdk.model.ToolCall;
import io.mxcp.sdk.model.ToolSpec;

/** {@code type: openai}: the Chat Completions request with function tools, and how answers are read. */
class OpenAiModelsTest {

    private static final ToolSpec PEOPLE = new ToolSpec("people", null, Map.of("type", "object"));

    @Test
    void toolCallsAndResultsAreSentAsFunctionCallsAndToolMessages() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                     "tool_calls":[{"id":"call_2","type":"function",
                                    "function":{"name":"people","arguments":"{\\"n\\": 2}"}}]}}]}"""));
            ChatModel model = new OpenAiModels().open(new ModelSettings("gpt-4o", "sk-test", api.base("/v1/"),
                    Duration.ofSeconds(5), 0));
            List<ChatMessage> conversation = List.of(new ChatMessage.User("Who?"),
                    new ChatMessage.Assistant("Checking", List.of(new ToolCall("call_1", "people", Map.of("n", 1)))),
                    new ChatMessage.ToolResults(List.of(new ChatMessage.ToolResult("call_1", "[{\"name\":\"Ann\"}]",
                            false))));

            ChatMessage.Assistant answer = model.complete(new ChatRequest("Be brief.", conversation, List.of(PEOPLE), 99));

            assertEquals(new ChatMessage.Assistant("", List.of(new ToolCall("call_2", "people", Map.of("n", 2)))), answer);
            StandInApi.Received request = api.received.get(0);
            assertEquals("/v1/chat/completions", request.path());
            assertEquals("Bearer sk-test", request.headers().getFirst("Authorization"));
            JsonNode body = request.body();
            assertEquals("gpt-4o", body.path("model").asText());
            assertEquals(99, body.path("max_completion_tokens").asInt());
            assertEquals(List.of("system", "user", "assistant", "tool"),
                    List.of(body.at("/messages/0/role").asText(), body.at("/messages/1/role").asText(),
                            body.at("/messages/2/role").asText(), body.at("/messages/3/role").asText()));
            JsonNode call = body.at("/messages/2/tool_calls/0");
            assertEquals("call_1", call.path("id").asText());
            assertEquals(Map.of("n", 1), new ObjectMapper().readValue(call.at("/function/arguments").asText(), Map.class));
            assertEquals("call_1", body.at("/messages/3/tool_call_id").asText());
            assertEquals("function", body.at("/tools/0/type").asText());
            assertTrue(body.at("/tools/0/function/description").isMissingNode());
            assertEquals("object", body.at("/tools/0/function/parameters/type").asText());
        }
    }

    @Test
    void refusalsTruncationObjectArgumentsAndArraysWithoutItemsAreHandled() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":null,
                     "refusal":"I cannot help with that."}}]}"""))
                    .answer(StandInApi.Answer.ok("""
                    {"choices":[{"finish_reason":"length","message":{"role":"assistant","content":"Ann and"}}]}"""))
                    .answer(StandInApi.Answer.ok("""
                    {"choices":[{"message":{"role":"assistant","content":"","tool_calls":[{"id":"c","type":"function",
                     "function":{"name":"people","arguments":{"n":2}}}]}}]}"""));
            ToolSpec tags = new ToolSpec("tag", null, Map.of("type", "object", "properties",
                    Map.of("tags", Map.of("type", "array"), "nested", Map.of("type", "object", "properties",
                            Map.of("ids", Map.of("type", "array", "items", Map.of("type", "integer")))))));
            try (ChatModel model = new OpenAiModels().open(new ModelSettings("gpt-4o", "k", api.base("/v1"),
                    Duration.ofSeconds(5), 0))) {
                ChatRequest request = new ChatRequest(null, List.of(new ChatMessage.User("hi")), List.of(tags), 9);
                assertEquals(new ChatMessage.Assistant("I cannot help with that.", List.of()), model.complete(request));
                assertEquals(new ChatMessage.Assistant("Ann and", List.of(), true), model.complete(request));
                assertEquals(new ChatMessage.Assistant("", List.of(new ToolCall("c", "people", Map.of("n", 2)))),
                        model.complete(request));
            }
            JsonNode parameters = api.received.get(0).body().at("/tools/0/function/parameters");
            assertEquals("{}", parameters.at("/properties/tags/items").toString(), "OpenAI needs items on arrays");
            assertEquals("integer", parameters.at("/properties/nested/properties/ids/items/type").asText());
        }
    }

    @Test
    void anAnswerCutShortInsideAToolCallIsReportedAsCutNotAsBadArguments() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"choices":[{"finish_reason":"length","message":{"role":"assistant","content":null,"tool_calls":[
                     {"id":"c","type":"function","function":{"name":"people","arguments":"{\\"regi"}}]}}]}"""));
            ChatModel model = new OpenAiModels().open(new ModelSettings("gpt-4o", "k", api.base("/v1"),
                    Duration.ofSeconds(5), 0));
            ChatMessage.Assistant answer = model.complete(new ChatRequest(null, List.of(new ChatMessage.User("hi")),
                    List.of(PEOPLE), 9));
            assertTrue(answer.truncated());
            assertEquals(List.of(), answer.calls());
        }
    }

    @Test
    void argumentsThatAreNotAJsonObjectAreKeptAsSentAndEchoedSo() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(StandInApi.Answer.ok("""
                    {"choices":[{"message":{"role":"assistant","content":"x","tool_calls":[{"id":"c","type":"function",
                     "function":{"name":"people","arguments":"{n: 2"}}]}}]}"""))
                    .answer(StandInApi.Answer.ok("""
                    {"choices":[{"message":{"role":"assistant","content":"done"}}]}"""))
                    .answer(StandInApi.Answer.ok("""
                    {"choices":[{"message":{"role":"assistant","content":"","tool_calls":[{"id":"d","type":"function",
                     "function":{"name":"people","arguments":[2]}}]}}]}"""));
            try (ChatModel model = new OpenAiModels().open(new ModelSettings("gpt-4o", "k", api.base("/v1"),
                    Duration.ofSeconds(5), 0))) {
                ChatMessage.Assistant turn = model.complete(new ChatRequest(null, List.of(new ChatMessage.User("hi")),
                        List.of(PEOPLE), 9));
                assertEquals(List.of(new ToolCall("c", "people", Map.of(), "{n: 2")), turn.calls());
                model.complete(new ChatRequest(null, List.of(new ChatMessage.User("hi"), turn,
                        new ChatMessage.ToolResults(List.of(new ChatMessage.ToolResult("c", "bad arguments", true)))),
                        List.of(PEOPLE), 9));
                assertEquals(List.of(new ToolCall("d", "people", Map.of(), "[2]")), model.complete(new ChatRequest(
                        null, List.of(new ChatMessage.User("hi")), List.of(PEOPLE), 9)).calls(),
                        "a JSON value sent as it is, but not an object, is unreadable too");
            }
            assertEquals("{n: 2", api.received.get(1).body().at("/messages/1/tool_calls/0/function/arguments").asText(),
                    "the history shows the call as the model made it");
        }
    }
}
