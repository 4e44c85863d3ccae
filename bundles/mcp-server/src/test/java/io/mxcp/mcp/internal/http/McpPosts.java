package io.mxcp.mcp.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.Messages;

/** POSTs to an {@code /mcp} endpoint as an SDK client shapes them, and reads JSON or event-stream answers. */
final class McpPosts {
    static final String BOTH = "application/json, text/event-stream";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI mcp;

    McpPosts(int port) {
        this.mcp = URI.create("http://localhost:" + port + "/mcp");
    }

    URI uri() {
        return mcp;
    }

    /** A modern POST with the MCP headers the v2 client derives from the body. */
    HttpResponse<String> modern(JsonNode message, String accept) throws Exception {
        HttpRequest.Builder request = request(message, accept)
                .header("MCP-Protocol-Version",
                        message.at("/params/_meta/io.modelcontextprotocol~1protocolVersion").asText())
                .header("Mcp-Method", message.get("method").asText());
        JsonNode name = message.at(message.get("method").asText().equals("resources/read") ? "/params/uri" : "/params/name");
        if (name.isTextual()) {
            request.header("Mcp-Name", name.asText());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(JsonNode message, String accept, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = request(message, accept);
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        return CLIENT.send(request, body);
    }

    private HttpRequest.Builder request(JsonNode message, String accept) {
        return HttpRequest.newBuilder(mcp).header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
    }

    /**
     * Initializes a 2025-era session of that version; the headers its requests carry. 2025-03-26 had no
     * {@code MCP-Protocol-Version} header; the later revisions send it.
     */
    Map<String, String> openSession(String version) throws Exception {
        HttpResponse<String> opened = post(Messages.initialize(0, version), BOTH, Map.of());
        if (!version.equals(Messages.parse(opened.body()).at("/result/protocolVersion").asText())) {
            throw new IllegalStateException("the server negotiated another version: " + opened.body());
        }
        String id = opened.headers().firstValue("mcp-session-id").orElseThrow();
        return version.equals("2025-03-26") ? Map.of("Mcp-Session-Id", id)
                : Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", version);
    }

    /** The JSON-RPC messages of an answer: one for JSON, each event's data for an event stream. */
    static List<JsonNode> messages(HttpResponse<String> response) {
        List<JsonNode> messages = new ArrayList<>();
        if (!response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            messages.add(Messages.parse(response.body()));
            return messages;
        }
        for (String event : response.body().split("\n\n")) {
            for (String line : event.split("\n")) {
                if (line.startsWith("data: ")) {
                    messages.add(Messages.parse(line.substring(6)));
                }
            }
        }
        return messages;
    }
}
