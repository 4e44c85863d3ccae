package io.mxcp.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A language model on a local port speaking both Anthropic's Messages API and OpenAI's Chat Completions, with a
 * fixed way of thinking: asked about someone's salary it calls the {@code salary} tool for them (the CEO when the
 * question names the CEO, else Ann), then answers from what the tool returned — the amount, that it was not shown,
 * or the tool's error. It refuses requests without the expected API key, as the real APIs do.
 */
final class StandInModel implements AutoCloseable {

    private final HttpServer server;
    private final String apiKey;
    private final ObjectMapper mapper = new ObjectMapper();
    /** The request bodies received, in order. */
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    StandInModel(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/messages", exchange -> answer(exchange, "x-api-key", apiKey, this::anthropic));
        server.createContext("/v1/chat/completions",
                exchange -> answer(exchange, "Authorization", "Bearer " + apiKey, this::openAi));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private interface Dialect {
        ObjectNode reply(JsonNode request);
    }

    private void answer(HttpExchange exchange, String keyHeader, String expectedKey, Dialect dialect) throws IOException {
        JsonNode request = mapper.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        boolean keyed = expectedKey.equals(exchange.getRequestHeaders().getFirst(keyHeader));
        byte[] body = (keyed ? dialect.reply(request)
                : mapper.createObjectNode().set("error", mapper.createObjectNode().put("message", "invalid api key")))
                .toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(keyed ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Tool results come back as {@code tool_result} blocks of the last user message. */
    private ObjectNode anthropic(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.path(messages.size() - 1).path("content");
        ObjectNode reply = mapper.createObjectNode().put("role", "assistant");
        if (last.isArray() && "tool_result".equals(last.path(0).path("type").asText())) {
            reply.putArray("content").addObject().put("type", "text")
                    .put("text", sentence(last.path(0).path("content").asText(), last.path(0).path("is_error").asBoolean()));
            return reply;
        }
        ObjectNode call = reply.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_1")
                .put("name", "salary");
        call.putObject("input").put("who", person(messages.path(0).path("content").asText()));
        return reply;
    }

    /** Tool results come back as {@code tool} messages. */
    private ObjectNode openAi(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        ObjectNode reply = mapper.createObjectNode();
        ObjectNode message = reply.putArray("choices").addObject().putObject("message").put("role", "assistant");
        if ("tool".equals(last.path("role").asText())) {
            String content = last.path("content").asText();
            message.put("content", sentence(content.replaceFirst("^Error: ", ""), content.startsWith("Error: ")));
            return reply;
        }
        message.putNull("content");
        ObjectNode function = message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                .putObject("function").put("name", "salary");
        String question = messages.path(1).path("content").asText();
        function.put("arguments", mapper.createObjectNode().put("who", person(question)).toString());
        return reply;
    }

    private static String person(String question) {
        return question.contains("CEO") ? "ceo" : "ann";
    }

    private String sentence(String toolResult, boolean error) {
        if (error) {
            return "I cannot tell: " + toolResult;
        }
        try {
            JsonNode result = mapper.readTree(toolResult);
            return result.has("salary") ? result.path("who").asText() + " earns " + result.path("salary").asText()
                    : "The amount is not visible to you.";
        } catch (IOException e) {
            return "The tool answered something I cannot read.";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
