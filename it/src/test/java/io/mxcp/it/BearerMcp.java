package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import java.util.function.Supplier;

/**
 * Raw HTTP to an `mxcp serve` with authentication (AuthVerifierIT, AuthIssuerIT): MCP calls carrying an
 * Authorization header of the test's choosing, in a 2025-11-25 session or stateless 2026-07-28, and any other
 * request, each answered as a {@link Reply}. Redirects are never followed: a test sees every hop.
 */
final class BearerMcp {

    static final String LEGACY = "2025-11-25";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Supplier<String> context;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param base    {@code http://localhost:<port>}
     * @param context what a failed assertion shows besides the answer (the server's log)
     */
    BearerMcp(String base, Supplier<String> context) {
        this.base = base;
        this.context = context;
    }

    /** An HTTP answer; its toString (for assertion messages) adds the context. */
    record Reply(HttpResponse<String> response, Supplier<String> context) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        /** The JSON-RPC message: the body, or the last event of an event stream. */
        JsonNode message() {
            String body = response.body();
            if (header("Content-Type") != null && header("Content-Type").startsWith("text/event-stream")) {
                String last = null;
                for (String line : body.split("\r?\n")) {
                    if (line.startsWith("data:")) {
                        last = line.substring(5).strip();
                    }
                }
                body = last;
            }
            return Json.parse(body, "answer " + this);
        }

        /** The body as JSON (an OAuth answer, metadata). */
        JsonNode json() {
            return Json.parse(response.body(), "answer " + this);
        }

        /** The tool result's text parsed as JSON, insisting that the call succeeded. */
        JsonNode toolResult() {
            JsonNode result = message().path("result");
            assertEquals(200, status(), this::toString);
            assertFalse(result.isMissingNode() || result.path("isError").asBoolean(false), this::toString);
            return Json.parse(result.path("content").path(0).path("text").asText(), "tool result " + this);
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.request().uri() + " -> HTTP " + status() + " "
                    + response.headers().map() + " " + response.body() + "\n" + context.get();
        }
    }

    String base() {
        return base;
    }

    URI mcpUri(String query) {
        return URI.create(base + "/mcp" + query);
    }

    /** A stateless 2026-07-28 tools/call; {@code authorization} is the whole header value, or null for none. */
    Reply callModern(String authorization, String tool, Map<String, Object> arguments) {
        return send(modernRequest(mcpUri(""), authorization, tool, arguments));
    }

    HttpRequest.Builder modernRequest(URI uri, String authorization, String tool, Map<String, Object> arguments) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", tool);
        params.put("arguments", arguments);
        params.put("_meta", Map.of(
                "io.modelcontextprotocol/protocolVersion", McpHttpClient.MODERN,
                "io.modelcontextprotocol/clientCapabilities", Map.of(),
                "io.modelcontextprotocol/clientInfo", Map.of("name", "mxcp-it", "version", "1")));
        return post(uri, authorization, message("tools/call", params))
                .header("MCP-Protocol-Version", McpHttpClient.MODERN)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool);
    }

    /** Opens a 2025-era session with that bearer token and returns its Mcp-Session-Id. */
    String initialize(String token) {
        Reply initialized = send(post(mcpUri(""), "Bearer " + token, message("initialize", Map.of(
                "protocolVersion", LEGACY, "capabilities", Map.of(),
                "clientInfo", Map.of("name", "mxcp-it", "version", "1")))));
        assertEquals(200, initialized.status(), initialized::toString);
        assertEquals(LEGACY, initialized.message().path("result").path("protocolVersion").asText(),
                initialized::toString);
        String session = initialized.header("Mcp-Session-Id");
        assertNotNull(session, initialized::toString);
        Reply acknowledged = send(post(mcpUri(""), "Bearer " + token,
                Map.of("jsonrpc", "2.0", "method", "notifications/initialized"))
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", LEGACY));
        assertEquals(202, acknowledged.status(), acknowledged::toString);
        return session;
    }

    /** A tools/call on a 2025-era session; a null token sends no Authorization header. */
    Reply callLegacy(String token, String session, String tool, Map<String, Object> arguments) {
        return send(post(mcpUri(""), token == null ? null : "Bearer " + token,
                message("tools/call", Map.of("name", tool, "arguments", arguments)))
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", LEGACY));
    }

    Map<String, Object> message(String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", ids.incrementAndGet());
        message.put("method", method);
        message.put("params", params);
        return message;
    }

    HttpRequest.Builder post(URI uri, String authorization, Map<String, Object> message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** Sends any request (its redirects not followed); a failure on the wire fails the test. */
    Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return new Reply(HTTP.send(built, HttpResponse.BodyHandlers.ofString()), context);
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed on the wire: " + e + "\n"
                    + context.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
