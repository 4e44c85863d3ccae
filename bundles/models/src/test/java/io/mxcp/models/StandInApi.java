package io.mxcp.models;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A model API on a local port: answers each request with the next queued answer and keeps what it received. */
public final class StandInApi implements AutoCloseable {

    /** A request as received. */
    public record Received(String path, Headers headers, JsonNode body) {
    }

    /** An answer to send: status, body, extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of());
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    public StandInApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                    mapper.readTree(body)));
            Answer answer = answers.poll();
            if (answer == null) {
                answer = new Answer(500, "{\"error\":{\"message\":\"no answer queued\"}}", Map.of());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public StandInApi answer(Answer answer) {
        answers.add(answer);
        return this;
    }

    public URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
