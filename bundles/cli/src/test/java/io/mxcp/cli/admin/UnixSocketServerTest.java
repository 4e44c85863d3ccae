package io.mxcp.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Clients that send nothing cannot hold the admin socket: each connection is closed at its time limit. */
class UnixSocketServerTest {

    /** Answers once the client has sent a byte: an idle client holds its connection until the limit. */
    private static final UnixSocketServer.ConnectionHandler ECHO_FIRST_BYTE = (connection, deadline) -> {
        ByteBuffer first = ByteBuffer.allocate(1);
        if (connection.read(first) > 0) {
            connection.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
        }
    };

    @Test
    void idleClientsDoNotDelayTheNextOneAndAreLetGoAtTheirLimit() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = folder.resolve("s.sock");
        try (UnixSocketServer server = UnixSocketServer.start(socket, Duration.ofSeconds(3), ECHO_FIRST_BYTE)) {
            List<SocketChannel> idle = connectIdle(socket, 6);
            try (SocketChannel client = connect(socket)) {
                client.write(ByteBuffer.wrap(new byte[] {'x'}));
                assertEquals("ok", readAll(client));
            }
            for (SocketChannel channel : idle) {
                assertTrue(stillOpen(channel), "the client was answered while the idle connections were still open");
            }
            for (SocketChannel channel : idle) {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("", readAll(channel)),
                        "an idle connection is closed by the server");
                channel.close();
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void aFolderMadeForTheSocketIsTheOwnersAloneAndTheSocketToo() throws Exception {
        Path parent = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = parent.resolve("made/here/s.sock");
        try (UnixSocketServer server = UnixSocketServer.start(socket, Duration.ofSeconds(3), ECHO_FIRST_BYTE)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    parent.resolve("made"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
            Files.deleteIfExists(parent.resolve("made"));
            Files.deleteIfExists(parent);
        }
    }

    @Test
    void aConnectionBeyondTheOpenOnesAllowedIsClosedAtOnceAndItsPlaceComesBack() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = folder.resolve("s.sock");
        try (UnixSocketServer server = UnixSocketServer.start(socket, Duration.ofSeconds(30), ECHO_FIRST_BYTE)) {
            List<SocketChannel> idle = connectIdle(socket, UnixSocketServer.MAX_CONNECTIONS);
            try (SocketChannel refused = connect(socket)) {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("", readAll(refused)),
                        "one connection too many is closed without waiting for the limit");
            }
            SocketChannel freed = idle.removeFirst();
            freed.write(ByteBuffer.wrap(new byte[] {'x'}));
            assertEquals("ok", readAll(freed));
            freed.close();
            assertEquals("ok", answerOnceAPlaceIsFree(socket), "a finished connection's place goes to the next client");
            for (SocketChannel channel : idle) {
                channel.close();
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void aSocketAnotherServerAnswersOnIsRefusedAndKeptAndAStaleOneIsReplaced() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "adm");
        Path socket = folder.resolve("s.sock");
        UnixSocketServer.ConnectionHandler answer = (connection, deadline) -> connection.write(
                ByteBuffer.wrap("first".getBytes(StandardCharsets.US_ASCII)));
        try {
            try (UnixSocketServer first = UnixSocketServer.start(socket, Duration.ofSeconds(1), answer)) {
                IOException refused = assertThrows(IOException.class,
                        () -> UnixSocketServer.start(socket, Duration.ofSeconds(1), answer));
                assertEquals("Cannot open the admin socket " + socket + ": another process (another mxcp serve?) "
                        + "answers on it; stop it or set MXCP_ADMIN_SOCKET to another path", refused.getMessage());
                try (SocketChannel client = connect(socket)) {
                    assertEquals("first", readAll(client), "the running server keeps its socket");
                }
                // a successor's file at the same path (the first one's was removed by hand) outlives the first
                Files.delete(socket);
                try (UnixSocketServer successor = UnixSocketServer.start(socket, Duration.ofSeconds(1), answer)) {
                    first.close();
                    assertTrue(Files.exists(socket), "closing removes only the server's own socket file");
                }
            }
            assertFalse(Files.exists(socket));

            // a socket file whose process died: nothing answers on it
            try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                dead.bind(UnixDomainSocketAddress.of(socket));
            }
            assertTrue(Files.exists(socket));
            UnixSocketServer.start(socket, Duration.ofSeconds(1), answer).close();

            Files.writeString(socket, "not a socket");
            IOException notASocket = assertThrows(IOException.class,
                    () -> UnixSocketServer.start(socket, Duration.ofSeconds(1), answer));
            assertEquals("Cannot open the admin socket " + socket + ": the path exists and is not a socket",
                    notASocket.getMessage());
            assertEquals("not a socket", Files.readString(socket));

            Path underAFile = socket.resolve("admin.sock");
            IOException notAFolder = assertThrows(IOException.class,
                    () -> UnixSocketServer.start(underAFile, Duration.ofSeconds(1), answer));
            assertEquals("Cannot open the admin socket " + underAFile + ": " + socket + ": exists and is not a directory",
                    notAFolder.getMessage());

            Path tooLong = folder.resolve("x".repeat(UnixSocketServer.MAX_PATH_BYTES) + ".sock");
            IOException unreachable = assertThrows(IOException.class, () -> UnixSocketServer.check(tooLong));
            assertTrue(unreachable.getMessage().endsWith(" bytes long and a Unix socket's may have at most 107: no "
                    + "client could connect; set MXCP_ADMIN_SOCKET to another path"), unreachable.getMessage());
            assertFalse(Files.exists(tooLong));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        }
    }

    /** Connections that send nothing. */
    private static List<SocketChannel> connectIdle(Path socket, int count) throws IOException {
        List<SocketChannel> idle = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            idle.add(connect(socket));
        }
        return idle;
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    /**
     * What a client sending a byte is answered, trying again while it is closed unanswered: the server frees a
     * connection's place only after its answer, so the first try may still find every place taken.
     */
    private static String answerOnceAPlaceIsFree(Path socket) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (SocketChannel channel = connect(socket)) {
                channel.write(ByteBuffer.wrap(new byte[] {'x'}));
                String answer = readAll(channel);
                if (!answer.isEmpty()) {
                    return answer;
                }
            } catch (IOException closedWhileWriting) {
                // refused as one too many: the server closed it before or while the byte was sent (a reset)
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no place became free for a new connection");
    }

    private static boolean stillOpen(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        try {
            return channel.read(ByteBuffer.allocate(1)) == 0;
        } finally {
            channel.configureBlocking(true);
        }
    }

    private static String readAll(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        while (channel.read(buffer) >= 0) {
            // until the server closes the connection
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }
}
