package io.mxcp.mcp.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.FakeProject;
import io.mxcp.mcp.internal.LogLines;
import io.mxcp.mcp.internal.McpServerFactory;
import io.mxcp.mcp.internal.auth.AuthServices;

/** A client that sends its request a byte at a time loses its connection, and others are served meanwhile. */
class HttpSlowClientsTest {
    private RunningServer server;

    @BeforeEach
    void start() {
        System.setProperty("mxcp.http.headerTimeoutMs", "1000");
        System.setProperty("mxcp.http.bodyTimeoutMs", "1000");
        try {
            server = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(),
                    new HttpServerOptions("localhost", 0, false));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            System.clearProperty("mxcp.http.headerTimeoutMs");
            System.clearProperty("mxcp.http.bodyTimeoutMs");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * On a new connection, sends the first text at once and then the second a byte every 100 ms; returns after how
     * many ms of trickling the server closed the connection, or -1 when it was still open once everything was sent.
     */
    private long closedAfterMs(String atOnce, String trickled) throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(atOnce.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return trickledUntilClosedMs(socket, trickled);
        }
    }

    /** Sends the text a byte every 100 ms; as {@link #closedAfterMs}. */
    private static long trickledUntilClosedMs(Socket socket, String trickled) throws Exception {
        OutputStream out = socket.getOutputStream();
        long started = System.nanoTime();
        for (byte b : trickled.getBytes(StandardCharsets.US_ASCII)) {
            try {
                out.write(b);
                out.flush();
            } catch (IOException closed) {
                return Duration.ofNanos(System.nanoTime() - started).toMillis();
            }
            Thread.sleep(100);
            if (isClosed(socket)) {
                return Duration.ofNanos(System.nanoTime() - started).toMillis();
            }
        }
        return -1;
    }

    private static boolean isClosed(Socket socket) throws IOException {
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void headersSentByteByByteLoseTheConnectionAtTheDeadline() throws Exception {
        long closed = closedAfterMs("", "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Slow: " + "a".repeat(100) + "\r\n\r\n");
        assertTrue(closed >= 900 && closed < 5_000, "closed at the 1 s deadline, not after " + closed + " ms");
    }

    @Test
    void aBodySentByteByByteLosesTheConnectionAtTheDeadline() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}";
        String headers = "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: "
                + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
        // the headers at once (inside their deadline), then the body a byte at a time
        long closed = closedAfterMs(headers, body);
        assertTrue(closed >= 900 && closed < 5_000, "closed at the 1 s deadline, not after " + closed + " ms");
    }

    @Test
    void aBodyOverTheLimitTrickledAfterIts413LosesTheConnectionAtTheDeadline() throws Exception {
        String headers = "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: "
                + "application/json\r\nContent-Length: " + (HttpServerOptions.DEFAULT_MAX_REQUEST_BYTES + 1) + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 413"));
            long closed = trickledUntilClosedMs(socket, "x".repeat(100));
            assertTrue(closed >= 900 && closed < 5_000, "closed at the 1 s deadline, not after " + closed + " ms");
        }
    }

    @Test
    void aConnectionWhoseRequestsCameWholeOutlivesTheDeadlines() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        byte[] request = ("POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nMCP-Protocol-Version: 2026-07-28\r\nMcp-Method: server/discover\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            for (int round = 0; round < 2; round++) {
                socket.getOutputStream().write(request);
                assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"), "round " + round);
                Thread.sleep(1_500); // past both deadlines, within the idle timeout
            }
        }
    }

    @Test
    void theLogSaysWhenTheServerStopsAcceptingAtItsConnectionLimitAndWhenItAcceptsAgain() throws Exception {
        System.setProperty("mxcp.http.maxConnections", "3");
        RunningServer limited;
        try {
            limited = new McpServerFactory("9.9.9", new AuthServices()).startHttp(new FakeProject(),
                    new HttpServerOptions("localhost", 0, false));
        } finally {
            System.clearProperty("mxcp.http.maxConnections");
        }
        try (LogLines log = LogLines.of(ConnectionCapWatch.class.getName())) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                idle.add(new Socket("localhost", limited.port()));
            }
            awaitLine(log, "WARNING HTTP connection limit reached (3 open)");
            for (Socket socket : idle) {
                socket.close();
            }
            awaitLine(log, "INFO HTTP connections below the limit again");
        } finally {
            limited.close();
        }
    }

    private static void awaitLine(LogLines log, String start) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.lines().stream().noneMatch(line -> line.startsWith(start))) {
            assertTrue(System.nanoTime() < deadline, "no line starting " + start + " in " + log.lines());
            Thread.sleep(50);
        }
    }

    /** One HTTP response with a Content-Length: its head and body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) next);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
