package io.mxcp.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server-to-client streams of streamable HTTP, as clients open them: a 2025-era session's GET stream and a
 * 2026-07-28 {@code subscriptions/listen} stream. Each collects the JSON-RPC messages it carries.
 */
final class McpStreams {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, Object> MODERN_META = Map.of(
            "io.modelcontextprotocol/protocolVersion", McpHttpClient.MODERN,
            "io.modelcontextprotocol/clientCapabilities", Map.of());

    private final URI endpoint;

    McpStreams(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/mcp");
    }

    /** An open event stream and the messages that arrived on it. */
    static final class EventStream implements AutoCloseable {
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        EventStream(HttpResponse<Stream<String>> response, String what) {
            if (response.statusCode() != 200) {
                throw new AssertionError(what + " answered HTTP " + response.statusCode());
            }
            this.lines = response.body();
            Thread.ofVirtual().name(what).start(() -> {
                try {
                    lines.forEach(line -> {
                        if (line.startsWith("data:")) {
                            messages.add(Json.parse(line.substring(5).strip(), "event on " + what));
                        }
                    });
                } catch (RuntimeException closed) {
                    // the stream was closed by either side
                }
            });
        }

        /** The next message, waiting at most {@code limit}; null when none came. */
        JsonNode next(Duration limit) {
            try {
                return messages.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /** Opens a legacy session (initialize, then notifications/initialized) and returns its Mcp-Session-Id. */
    String legacySession() {
        Map<String, Object> params = Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "mxcp-it", "version", "1"));
        HttpResponse<String> initialized = post(message(1, "initialize", params), Map.of());
        String session = initialized.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new AssertionError("initialize without Mcp-Session-Id: " + initialized.body()));
        post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), Map.of("Mcp-Session-Id", session));
        return session;
    }

    /** The session's GET stream. */
    EventStream legacyStream(String session) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build();
        return new EventStream(send(request, HttpResponse.BodyHandlers.ofLines()), "GET stream of " + session);
    }

    /** A listen stream asking for the given notifications ({@code toolsListChanged: true}, ...). */
    EventStream listen(String id, Map<String, Object> notifications) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("notifications", notifications);
        params.put("_meta", MODERN_META);
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").header("MCP-Protocol-Version", McpHttpClient.MODERN)
                .header("Mcp-Method", "subscriptions/listen")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message(id, "subscriptions/listen", params))))
                .build();
        return new EventStream(send(request, HttpResponse.BodyHandlers.ofLines()), "listen stream " + id);
    }

    /** A legacy request on the session; returns the JSON-RPC answer. */
    JsonNode legacyRequest(String session, Object id, String method, Map<String, Object> params) {
        HttpResponse<String> response = post(message(id, method, params), Map.of("Mcp-Session-Id", session));
        return Json.parse(response.body(), "answer to " + method);
    }

    private static Map<String, Object> message(Object id, String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        return message;
    }

    private HttpResponse<String> post(Map<String, Object> message, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)));
        headers.forEach(request::header);
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed on the wire: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
