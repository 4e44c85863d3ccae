package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;
import io.mxcp.mcp.internal.Messages;

/**
 * 2026-07-28 {@code input_required} rounds (spec 04b §5) for endpoints that ask the client for input: {@code ask}
 * (elicitation and sampling at once), {@code ask_steps} (one elicitation per round) and {@code roots://client}.
 */
class HttpInputRequiredTest {
    private static final String NOT_ACCEPTED = "Invalid params: requestState is not accepted: ";

    private final FakeProject project = new FakeProject();
    private RunningServer server;
    private McpPosts posts;

    @BeforeEach
    void start() throws Exception {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(project, new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A modern request declaring the given client capabilities. */
    private static ObjectNode request(String method, ObjectNode params, String... capabilities) {
        ObjectNode message = modern(1, method, params);
        ObjectNode declared = message.with("params").with("_meta").putObject("io.modelcontextprotocol/clientCapabilities");
        List.of(capabilities).forEach(declared::putObject);
        return message;
    }

    private static ObjectNode ask(String topic, String... capabilities) {
        return request("tools/call", call("ask", Messages.object().put("topic", topic)), capabilities);
    }

    private static ObjectNode steps() {
        return request("tools/call", call("ask_steps", null), "elicitation");
    }

    /** The request again with answers and, unless null, the echoed state. */
    private static ObjectNode retry(ObjectNode request, String responses, String requestState) {
        ObjectNode retried = request.deepCopy();
        retried.with("params").set("inputResponses", Messages.parse(responses));
        if (requestState != null) {
            retried.with("params").put("requestState", requestState);
        }
        return retried;
    }

    private static String accepted(String key, String content) {
        return "{\"" + key + "\":{\"action\":\"accept\",\"content\":" + content + "}}";
    }

    private JsonNode answer(ObjectNode message) throws Exception {
        return McpPosts.messages(posts.modern(message, McpPosts.BOTH)).get(0);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void inputAskedTogetherComesInOneRoundWithASignedStateAndTheRetryCompletes() throws Exception {
        ObjectNode first = ask("capitals", "elicitation", "sampling");
        JsonNode asked = answer(first).get("result");
        assertEquals("input_required", asked.get("resultType").asText());
        assertEquals(List.of("user_name", "capital"), keys(asked.get("inputRequests")));
        assertEquals("elicitation/create", asked.at("/inputRequests/user_name/method").asText());
        assertEquals("Your name?", asked.at("/inputRequests/user_name/params/message").asText());
        assertEquals("sampling/createMessage", asked.at("/inputRequests/capital/method").asText());
        assertEquals(10, asked.at("/inputRequests/capital/params/maxTokens").asInt());
        assertTrue(asked.get("requestState").isTextual());
        assertEquals("fake-project", asked.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText());

        JsonNode done = answer(retry(first, "{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}},"
                + "\"capital\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Paris\"},"
                + "\"model\":\"m\"}}", asked.get("requestState").asText())).get("result");
        assertEquals("complete", done.get("resultType").asText());
        assertEquals("Alice asks about capitals: Paris", done.at("/content/0/text").asText());
    }

    @Test
    void answersOfEarlierRoundsComeBackInTheState() throws Exception {
        JsonNode round1 = answer(steps()).get("result");
        assertEquals(List.of("step1"), keys(round1.get("inputRequests")));
        String state1 = round1.get("requestState").asText();

        JsonNode round2 = answer(retry(steps(), accepted("step1", "{\"name\":\"Alice\"}"), state1)).get("result");
        assertEquals("input_required", round2.get("resultType").asText());
        assertEquals(List.of("step2"), keys(round2.get("inputRequests")));
        String state2 = round2.get("requestState").asText();
        assertNotEquals(state1, state2);

        JsonNode round3 = answer(retry(steps(), accepted("step2", "{\"color\":\"blue\"}"), state2)).get("result");
        assertEquals("complete", round3.get("resultType").asText());
        assertEquals("Alice likes blue", round3.at("/content/0/text").asText(), "step1's answer came from the state");
        assertEquals(3, project.stepRuns.get(), "the endpoint runs again from the start in every round");

        JsonNode withoutState = answer(retry(steps(), accepted("step2", "{\"color\":\"blue\"}"), null)).get("result");
        assertEquals(List.of("step1"), keys(withoutState.get("inputRequests")), "the server keeps no answers");
    }

    @Test
    void answersWithoutStateAreUsedAndUnknownOnesIgnored() throws Exception {
        JsonNode done = answer(retry(ask("rivers", "elicitation", "sampling"), "{\"user_name\":{\"action\":\"accept\","
                + "\"content\":{\"name\":\"Bo\"}},\"capital\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\","
                + "\"text\":\"Seine\"}},\"extra\":{\"action\":\"accept\"}}", null)).get("result");
        assertEquals("Bo asks about rivers: Seine", done.at("/content/0/text").asText());
    }

    @Test
    void anAskThroughAnUndeclaredCapabilityIsRefusedWith32021AndHttp400() throws Exception {
        HttpResponse<String> response = posts.modern(ask("capitals", "elicitation"), McpPosts.BOTH);
        assertEquals(400, response.statusCode());
        JsonNode error = McpPosts.messages(response).get(0).get("error");
        assertEquals(-32021, error.get("code").asInt());
        assertEquals(Messages.parse("{\"sampling\":{}}"), error.at("/data/requiredCapabilities"));
    }

    @Test
    void echoedStateIsAcceptedOnceAndOnlyUntamperedForTheSameRequest() throws Exception {
        String state = answer(steps()).at("/result/requestState").asText();
        String name = accepted("step1", "{\"name\":\"Alice\"}");

        assertEquals(NOT_ACCEPTED + "its signature does not verify",
                answer(retry(steps(), name, state + "-TAMPERED")).at("/error/message").asText());
        ObjectNode otherArguments = request("tools/call", call("ask_steps", Messages.object().put("x", 1)), "elicitation");
        assertEquals(NOT_ACCEPTED + "it was issued for another request (user, method, name or arguments differ)",
                answer(retry(otherArguments, name, state)).at("/error/message").asText());
        ObjectNode numeric = retry(steps(), name, null);
        numeric.with("params").put("requestState", 42);
        assertEquals("Invalid params: 'requestState' must be a string", answer(numeric).at("/error/message").asText());

        assertEquals("step2", keys(answer(retry(steps(), name, state)).at("/result/inputRequests")).get(0));
        assertEquals(NOT_ACCEPTED + "it has been used already",
                answer(retry(steps(), name, state)).at("/error/message").asText());
    }

    @Test
    void malformedInputResponsesAreInvalidParamsAndAnswersOfTheWrongFormAreAskedAgain() throws Exception {
        ObjectNode nullResponses = steps();
        nullResponses.with("params").putNull("inputResponses");
        assertEquals("Invalid params: 'inputResponses' must be an object of the client's results by input request key",
                answer(nullResponses).at("/error/message").asText());
        assertEquals("Invalid params: inputResponses['step1'] must be an object (the client's result for that input "
                + "request)", answer(retry(steps(), "{\"step1\":12345}", null)).at("/error/message").asText());

        JsonNode askedAgain = answer(retry(steps(), "{\"step1\":{\"content\":{\"name\":\"A\"}}}", null)).get("result");
        assertEquals("input_required", askedAgain.get("resultType").asText(), "an elicitation result needs an action");
        assertEquals(List.of("step1"), keys(askedAgain.get("inputRequests")));
    }

    @Test
    void aResourceAsksUnderAKeyGivenInOrder() throws Exception {
        ObjectNode read = request("resources/read", Messages.object().put("uri", "roots://client"), "roots");
        JsonNode asked = answer(read).get("result");
        assertEquals("input_required", asked.get("resultType").asText());
        assertEquals("roots/list", asked.at("/inputRequests/input-1/method").asText());
        assertTrue(asked.at("/inputRequests/input-1/params").isObject());

        JsonNode done = answer(retry(read, "{\"input-1\":{\"roots\":[{\"uri\":\"file:///work\",\"name\":\"work\"}]}}",
                asked.get("requestState").asText())).get("result");
        assertEquals("complete", done.get("resultType").asText());
        assertEquals(Messages.parse("[{\"uri\":\"file:///work\",\"name\":\"work\"}]"),
                Messages.parse(done.at("/contents/0/text").asText()));
    }
}
