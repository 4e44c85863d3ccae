package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Requests to the admin socket of `mxcp serve` (spec 03 §4), one connection each. */
final class AdminSocket {

    /** An answer of the admin socket: its status code and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private AdminSocket() {
    }

    /** A new socket path: Unix socket paths are limited to about 100 bytes, and a work folder can be deeper. */
    static Path freshPath() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "mxcp-admin-it").resolve("admin.sock");
    }

    /**
     * Waits for the server to open its admin socket: `serve` opens it once the MCP port listens, so a healthy server
     * may not have it yet.
     */
    static void await(Path socket, ServerProcess server) {
        Poll.until(Duration.ofSeconds(30), "the admin socket " + socket, () -> Files.exists(socket) ? socket : null,
                server::describe);
    }

    /** One HTTP/1.1 request over the Unix socket; the server answers and closes the connection. */
    static Answer request(Path socket, String method, String target) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Channels.newOutputStream(channel).write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = Channels.newInputStream(channel);
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int bodyStart = answer.indexOf("\r\n\r\n") + 4;
            int status = Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            assertTrue(bodyStart > 4, answer);
            return new Answer(status, Json.parse(answer.substring(bodyStart), method + " " + target));
        } catch (IOException e) {
            throw new AssertionError(method + " " + target + " on " + socket + ": " + e, e);
        }
    }
}
