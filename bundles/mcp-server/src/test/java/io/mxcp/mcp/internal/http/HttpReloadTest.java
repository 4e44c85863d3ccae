package io.mxcp.mcp.internal.http;

import static io.mxcp.mcp.internal.Messages.call;
import static io.mxcp.mcp.internal.Messages.initialize;
import static io.mxcp.mcp.internal.Messages.legacy;
import static io.mxcp.mcp.internal.Messages.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

/** A reload seen by HTTP clients: the legacy GET stream and 2026-07-28 listen streams hear of changed lists. */
class HttpReloadTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RunningServer server;
    private McpPosts posts;

    /** The JSON-RPC messages arriving on an open event stream. */
    private static final class Events {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

        Events(HttpResponse<Stream<String>> response) {
            assertEquals(200, response.statusCode());
            Thread.ofVirtual().start(() -> response.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    messages.add(Messages.parse(line.substring(5).strip()));
                }
            }));
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "no event within 5 s");
            return message;
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(), new HttpServerOptions("localhost", 0, false));
        posts = new McpPosts(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        // bounded: a server stuck in a deadlock would hold the whole run instead of failing the test
        CompletableFuture.runAsync(server::close).get(60, TimeUnit.SECONDS);
    }

    private Events legacyStream(String session) throws Exception {
        return new Events(CLIENT.send(HttpRequest.newBuilder(posts.uri()).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private Events listen(String id, ObjectNode filter) throws Exception {
        ObjectNode params = Messages.object();
        params.set("notifications", filter);
        ObjectNode message = modern(id, "subscriptions/listen", params);
        return new Events(CLIENT.send(HttpRequest.newBuilder(posts.uri()).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "subscriptions/listen")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(), HttpResponse.BodyHandlers.ofLines()));
    }

    @Test
    void subscribersHearOfTheirResourcesAfterAReload() throws Exception {
        String session = posts.post(initialize(1, "2025-11-25"), McpPosts.BOTH, Map.of()).headers()
                .firstValue("mcp-session-id").orElseThrow();
        assertEquals("{}", Messages.parse(posts.post(legacy(2, "resources/subscribe",
                Messages.object().put("uri", "users://3/profile")), McpPosts.BOTH, Map.of("Mcp-Session-Id", session))
                .body()).get("result").toString());
        Events legacyEvents = legacyStream(session);
        ObjectNode filter = Messages.object();
        filter.putArray("resourceSubscriptions").add("config://app");
        Events listen = listen("l-res", filter);
        assertEquals("notifications/subscriptions/acknowledged", listen.next().get("method").asText());

        server.reload(current -> new FakeProject());

        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
                + "\"params\":{\"uri\":\"users://3/profile\"}}", legacyEvents.next().toString());
        JsonNode updated = listen.next();
        assertEquals("notifications/resources/updated", updated.get("method").asText());
        assertEquals("config://app", updated.at("/params/uri").asText());
        assertEquals("l-res", updated.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        assertNull(legacyEvents.messages.poll(300, TimeUnit.MILLISECONDS), "one update per subscribed resource");
    }

    /**
     * Clients gone without ending their sessions: their GET streams fail while a reload writes to them. The reload's
     * writes and the I/O thread closing a failed stream took the session's lock and the stream's in opposite orders,
     * a deadlock that held every later reload and every call waiting for one.
     */
    @Test
    void aReloadFinishesWhileTheStreamsItWritesToFail() throws Exception {
        List<Socket> streams = new ArrayList<>();
        for (int client = 0; client < 10; client++) {
            Map<String, String> session = posts.openSession("2025-11-25");
            for (int i = 0; i < 30; i++) {
                posts.post(legacy(i, "resources/subscribe", Messages.object().put("uri", "users://" + i + "/profile")),
                        McpPosts.BOTH, session);
            }
            streams.add(openRawStream(session));
        }
        for (Socket stream : streams) {
            stream.setSoLinger(true, 0); // a reset, as when the client's process ends
            stream.close();
        }
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Void> reload = CompletableFuture.runAsync(() -> {
                try {
                    server.reload(current -> new FakeProject());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reload.get(20, TimeUnit.SECONDS);
        }
    }

    /** A legacy GET stream on a socket of its own, once the server answered 200. */
    private Socket openRawStream(Map<String, String> session) throws IOException {
        Socket socket = new Socket("localhost", server.port());
        StringBuilder request = new StringBuilder("GET /mcp HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n");
        session.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        byte[] status = socket.getInputStream().readNBytes("HTTP/1.1 200".length());
        assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    void aListenStreamEndsWithACompleteResultWhenTheServerStops() throws Exception {
        Events tools = listen("l-stop", Messages.object().put("toolsListChanged", true));
        assertEquals("notifications/subscriptions/acknowledged", tools.next().get("method").asText());
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        JsonNode closed = tools.next();
        assertEquals("l-stop", closed.get("id").asText());
        assertEquals("complete", closed.at("/result/resultType").asText());
        assertEquals("l-stop", closed.at("/result/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        assertEquals("9.9.9", closed.at("/result/_meta/io.modelcontextprotocol~1serverInfo/version").asText(),
                "a modern result like any other");
        stopping.get(60, TimeUnit.SECONDS);
    }

    @Test
    void legacyStreamsAndListenStreamsHearOfTheChangedLists() throws Exception {
        String session = posts.post(initialize(1, "2025-11-25"), McpPosts.BOTH, Map.of()).headers()
                .firstValue("mcp-session-id").orElseThrow();
        Events legacyEvents = legacyStream(session);
        Events tools = listen("l-tools", Messages.object().put("toolsListChanged", true));
        assertEquals("notifications/subscriptions/acknowledged", tools.next().get("method").asText());
        Events prompts = listen("l-prompts", Messages.object().put("promptsListChanged", true));
        assertEquals("notifications/subscriptions/acknowledged", prompts.next().get("method").asText());

        server.reload(current -> new FakeProject().withTool("added", "Added on reload"));

        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}",
                legacyEvents.next().toString());
        JsonNode toolsChanged = tools.next();
        assertEquals("notifications/tools/list_changed", toolsChanged.get("method").asText());
        assertEquals("l-tools", toolsChanged.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        assertNull(prompts.messages.poll(300, TimeUnit.MILLISECONDS), "the prompts listener did not ask for tools");

        HttpResponse<String> called = posts.post(legacy(2, "tools/call", call("added", null)), McpPosts.BOTH,
                Map.of("Mcp-Session-Id", session));
        assertEquals("added", Messages.parse(called.body()).at("/result/content/0/text").asText());
        HttpResponse<String> listed = posts.modern(modern(3, "tools/list", null), McpPosts.BOTH);
        assertTrue(listed.body().contains("\"name\":\"added\""), listed.body());
    }
}
