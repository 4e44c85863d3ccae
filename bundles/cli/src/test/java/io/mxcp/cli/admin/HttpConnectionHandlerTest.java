package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.admin.AdminClient.Answer;

/**
 * Errors no route handles get the reference's generic 500, naming the error only under --debug; a route's own
 * failure keeps its {@code detail} shape.
 */
class HttpConnectionHandlerTest {

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
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = folder.resolve("s.sock");
        try (UnixSocketServer server = UnixSocketServer.start(socket, UnixSocketServer.CONNECTION_LIMIT,
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
    void aRoutesOwnFailureNamesWhatFailed() throws Exception {
        Answer failing = get(false, "/failing");
        assertEquals(500, failing.status());
        assertEquals(Map.of("detail", "Failed to test: disk gone"), failing.json());
    }
}
