package io.mxcp.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal MCP 2026-07-28 client over Streamable HTTP: every request stands alone, carries the _meta envelope
 * and the MCP-Protocol-Version / Mcp-Method / Mcp-Name headers. Thread-safe.
 */
final class McpHttpClient {

    static final String MODERN = "2026-07-28";

    /** How long a call may take: a first Python call starts cold, and test classes share the machine's two cores. */
    private static final Duration CALL_LIMIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String authorization;
    private final AtomicLong ids = new AtomicLong();

    McpHttpClient(int port) {
        this(port, null);
    }

    /** A client whose requests carry {@code Authorization: Bearer <token>} (null: none). */
    McpHttpClient(int port, String bearerToken) {
        this.endpoint = URI.create("http://localhost:" + port + "/mcp");
        this.authorization = bearerToken == null ? null : "Bearer " + bearerToken;
    }

    /** The outcome of one tools/call: the JSON-RPC result, or the error. */
    record ToolOutcome(int httpStatus, JsonNode result, JsonNode error) {

        /** The result text, when the call succeeded without isError. */
        String successText() {
            return result != null && !result.path("isError").asBoolean(false) ? result.path("content").path(0).path("text").asText(null) : null;
        }

        /** Whatever the server said went wrong: an isError result's text or the JSON-RPC error message. */
        String failureText() {
            if (error != null) {
                return error.path("message").asText() + " " + error.path("data");
            }
            if (result == null || !result.path("isError").asBoolean(false)) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            result.path("content").forEach(item -> text.append(item.path("text").asText()).append('\n'));
            return text.toString();
        }

        @Override
        public String toString() {
            return "HTTP " + httpStatus + " " + (error != null ? "error " + error : "result " + result);
        }
    }

    ToolOutcome callTool(String name, Map<String, Object> arguments) {
        return callTool(name, arguments, Map.of());
    }

    /** @param extraMeta more {@code _meta} entries ({@code traceparent}, ...) */
    ToolOutcome callTool(String name, Map<String, Object> arguments, Map<String, Object> extraMeta) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("arguments", arguments);
        Map<String, Object> meta = new LinkedHashMap<>(Map.of(
                "io.modelcontextprotocol/protocolVersion", MODERN,
                "io.modelcontextprotocol/clientCapabilities", Map.of(),
                "io.modelcontextprotocol/clientInfo", Map.of("name", "mxcp-it", "version", "1")));
        meta.putAll(extraMeta);
        params.put("_meta", meta);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", ids.incrementAndGet());
        message.put("method", "tools/call");
        message.put("params", params);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(CALL_LIMIT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", name)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = Json.parse(lastMessage(response), "answer to tools/call " + name);
            return new ToolOutcome(response.statusCode(),
                    answer.hasNonNull("result") ? answer.get("result") : null,
                    answer.hasNonNull("error") ? answer.get("error") : null);
        } catch (IOException e) {
            throw new AssertionError("tools/call " + name + " failed on the wire: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A JSON body as it is, or the last `data:` event of an SSE body (the response comes last). */
    private static String lastMessage(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            return response.body();
        }
        String last = null;
        for (String line : response.body().split("\r?\n")) {
            if (line.startsWith("data:")) {
                last = line.substring(5).strip();
            }
        }
        if (last == null) {
            throw new AssertionError("SSE answer without a data event: " + response.body());
        }
        return last;
    }
}
