package io.mxcp.auth.github;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * GitHub on 127.0.0.1 as far as a login sees it: the token endpoint {@code /login/oauth/access_token} and the REST
 * API's {@code /user} and {@code /user/emails}. Each path answers what the test set (by default a 404); every
 * request is recorded.
 */
final class FakeGitHub implements AutoCloseable {
    static final String AUTHORIZE = "/login/oauth/authorize";
    static final String TOKEN = "/login/oauth/access_token";
    static final String USER = "/user";
    static final String EMAILS = "/user/emails";

    /** A request as received. */
    record Request(String method, String path, Headers headers, String body) {
        /** The body as a form, in the order sent. */
        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of(TOKEN, USER, EMAILS)) {
            server.createContext(path, this::handle);
        }
        server.start();
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code path} answers this status and body. */
    FakeGitHub reply(String path, int status, String body) {
        replies.put(path, new Reply(status, body));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The only request {@code path} received. */
    Request only(String path) {
        List<Request> received = requests(path);
        if (received.size() != 1) {
            throw new AssertionError(path + " received " + received.size() + " requests");
        }
        return received.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.getOrDefault(path, new Reply(404, "{\"message\":\"Not Found\"}"));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
