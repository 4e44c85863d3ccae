package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.admin.AdminClient.Answer;

/**
 * Errors no route handles get the reference's generic 500, naming the error only under --debug; a route's own
 * failure keeps its {@code detail} shape.
 */
class HttpConnectionHandlerTest {

    private static final Duration SLOW_ROUTE = Duration.ofMillis(1500);
    private static final Operation DOCUMENTED = Operation.json("test", "Failed to test", JsonSchema.anyObject(null));

    private static RouteTable routes() {
        return new RouteTable()
                // a class gone missing under a running socket, as after a bundle was updated
                .add("GET", "/linkage", DOCUMENTED, request -> {
                    throw new NoClassDefFoundError("io/mxcp/Gone");
                })
                // a body Jackson cannot write: an object without properties
                .add("GET", "/unwritable", DOCUMENTED, request -> Map.of("value", new Object()))
                .add("GET", "/failing", DOCUMENTED, request -> {
                    throw new IllegalStateException("disk gone");
                })
                // a route that works longer than a client may take to send its request (a long audit log's stats)
                .add("GET", "/slow", DOCUMENTED, request -> {
                    Thread.sleep(SLOW_ROUTE.toMillis());
                    return Map.of("done", true);
                });
    }

    private static Map<String, Object> internalError(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal_error");
        body.put("message", "Internal server error");
        body.put("detail", detail);
        return body;
    }

    private static Answer get(boolean debug, String target) throws IOException {
        return get(debug, target, UnixSocketServer.CONNECTION_LIMIT);
    }

    private static Answer get(boolean debug, String target, Duration connectionLimit) throws IOException {
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = folder.resolve("s.sock");
        try (UnixSocketServer server = UnixSocketServer.start(socket, connectionLimit,
                new HttpConnectionHandler(routes(), debug))) {
            return new AdminClient(socket).get(target);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void unhandledErrorsAreGenericWithTheMessageOnlyUnderDebug() throws Exception {
        Answer linkage = get(false, "/linkage");
        assertEquals(500, linkage.status());
        assertEquals(internalError(null), linkage.json());
        assertEquals(internalError("io/mxcp/Gone"), get(true, "/linkage").json());
        Answer unwritable = get(false, "/unwritable");
        assertEquals(500, unwritable.status());
        assertEquals(internalError(null), unwritable.json());
    }

    @Test
    void aRouteThatWorksLongerThanTheConnectionLimitIsStillAnswered() throws Exception {
        Answer slow = get(false, "/slow", SLOW_ROUTE.dividedBy(3));
        assertEquals(200, slow.status());
        assertEquals(Map.of("done", true), slow.json());
    }

    @Test
    void aRoutesOwnFailureNamesWhatFailed() throws Exception {
        Answer failing = get(false, "/failing");
        assertEquals(500, failing.status());
        assertEquals(Map.of("detail", "Failed to test: disk gone"), failing.json());
    }
}
