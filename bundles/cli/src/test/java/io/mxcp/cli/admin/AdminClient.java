package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.mxcp.cli.output.InvalidJsonException;
import io.mxcp.cli.output.Json;

/** A client of the admin socket, as curl --unix-socket: one request per connection, the answer read to its end. */
final class AdminClient {

    /** Status line, headers and body of one answer. */
    record Answer(String head, String text) {
        int status() {
            return Integer.parseInt(head.split(" ")[1]);
        }

        Object body() {
            try {
                return Json.parse(text);
            } catch (InvalidJsonException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body();
        }
    }

    private final Path socket;

    AdminClient(Path socket) {
        this.socket = socket;
    }

    /** Sends the request as given; checks the headers every answer has. */
    Answer send(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            while (channel.read(buffer) >= 0) {
                // the server closes after its answer
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            assertTrue(head.contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length), head);
            assertTrue(head.contains("Connection: close"), head);
            return new Answer(head, body);
        }
    }

    /** A GET whose answer is JSON. */
    Answer get(String target) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: anything\r\n\r\n");
        assertTrue(answer.head().contains("Content-Type: application/json"), answer.head());
        return answer;
    }
}
