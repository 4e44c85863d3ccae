package io.mxcp.auth.oauth2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.mxcp.sdk.auth.UpstreamLogin;

/**
 * An upstream provider on 127.0.0.1 as far as a login sees it (token endpoint, user API). Each path answers what
 * the test set (by default a 404); every request is recorded. As a field with {@code @RegisterExtension}, it stops
 * after each test and closes the logins given to {@link #closing}.
 */
public final class FakeUpstream implements AutoCloseable, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received. */
    public record Request(String method, String path, Headers headers, String body) {
        /** The body as a form, in the order sent. */
        public Map<String, String> form() {
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

        /** The body as a JSON object, in the order sent. */
        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + body, e);
            }
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<UpstreamLogin> logins = new CopyOnWriteArrayList<>();
    private boolean closed;

    public FakeUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The login, closed after the test. */
    public UpstreamLogin closing(UpstreamLogin login) {
        logins.add(login);
        return login;
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code path} answers this status and body. */
    public FakeUpstream reply(String path, int status, String body) {
        replies.put(path, new Reply(status, body));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The only request {@code path} received. */
    public Request only(String path) {
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

    /** {@code base} with changes: key, value pairs, a null value removing the key. */
    public static Map<String, Object> changed(Map<String, Object> base, Object... changes) {
        Map<String, Object> settings = new LinkedHashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                settings.remove((String) changes[i]);
            } else {
                settings.put((String) changes[i], changes[i + 1]);
            }
        }
        return settings;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logins.forEach(UpstreamLogin::close);
        close();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
