package io.mxcp.sdk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Real exchanges of the JDK's client, failing as they fail in production. */
class ExchangeFailureTest {
    private static final Duration ANSWER_DELAY = Duration.ofSeconds(1);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private static String failure(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build();
        return ExchangeFailure.reason(assertThrows(IOException.class,
                () -> CLIENT.send(request, HttpResponse.BodyHandlers.discarding())));
    }

    @Test
    void aClosedPortIsAConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertEquals("connection refused", failure("http://127.0.0.1:" + closed + "/", Duration.ofSeconds(20)));
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
        assertEquals("unknown host", failure("http://mxcp-test.invalid/", Duration.ofSeconds(20)));
    }

    @Test
    void aServerThatNeverAnswersRunsOutOfTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals("no answer in time",
                    failure("http://127.0.0.1:" + silent.getLocalPort() + "/", Duration.ofMillis(300)));
        }
    }

    @Test
    void aPlainServerSpokenToOverTlsIsATlsFailure() throws IOException, InterruptedException {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // answers the client's TLS hello as a plain HTTP server would, then waits for the client to give up. Not
            // at once: the JDK's client loses an answer that arrives while its first handshake in a JVM is still
            // being set up, and waits out its connect timeout instead (2 fresh JVMs in 4 here, never after 1 s)
            Thread answering = Thread.ofPlatform().daemon().start(() -> {
                try (var connection = plain.accept()) {
                    connection.getInputStream().read(new byte[512]);
                    Thread.sleep(ANSWER_DELAY.toMillis());
                    connection.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    connection.getOutputStream().flush();
                    connection.getInputStream().readAllBytes();
                } catch (IOException | InterruptedException ignored) {
                    // the client has gone
                }
            });
            String reason = failure("https://127.0.0.1:" + plain.getLocalPort() + "/", Duration.ofSeconds(20));
            assertEquals("TLS failure: ", reason.substring(0, Math.min(reason.length(), 13)), reason);
            answering.join(Duration.ofSeconds(5));
        }
    }
}
