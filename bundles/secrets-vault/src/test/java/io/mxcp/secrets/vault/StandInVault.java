package io.mxcp.secrets.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for HashiCorp Vault's HTTP API (the resolver's tests and the distribution's) as far as the resolver uses it (no Vault server can run here): token
 * lookup ({@code /v1/auth/token/lookup-self}) and reads of the KV engine at {@code secret/}, version 2
 * ({@code /v1/secret/data/<path>}: {@code {"data": {"data": {...}}}}) or version 1 ({@code /v1/secret/<path>}:
 * {@code {"data": {...}}}); anything else is 404 with {@code {"errors": []}}, a wrong token 403 with
 * {@code permission denied}, a sealed Vault 503 with {@code Vault is sealed}, as Vault answers.
 */
public final class StandInVault implements AutoCloseable {

    public static final String TOKEN = "s.test-token-1234";

    private final HttpServer server;
    /** Request path → JSON body served with 200. */
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();
    volatile boolean sealed;

    public StandInVault() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        documents.put("/v1/auth/token/lookup-self", "{\"data\": {\"policies\": [\"default\"]}}");
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A secret in the KV version 2 engine: {@code values} is a JSON object. */
    public void putVersion2(String path, String values) {
        documents.put("/v1/secret/data/" + path, "{\"data\": {\"data\": " + values + ", \"metadata\": {\"version\": 3}}}");
    }

    /** A secret in a KV version 1 engine. */
    public void putVersion1(String path, String values) {
        documents.put("/v1/secret/" + path, "{\"data\": " + values + ", \"lease_duration\": 2764800}");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requested.add(exchange.getRequestMethod() + " " + path);
        if (sealed) {
            send(exchange, 503, "{\"errors\": [\"Vault is sealed\"]}");
        } else if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
            send(exchange, 403, "{\"errors\": [\"permission denied\"]}");
        } else {
            String document = documents.get(exchange.getRequestURI().getPath());
            send(exchange, document == null ? 404 : 200, document == null ? "{\"errors\": []}" : document);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
