package io.mxcp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ModelSettings;

/** Retries, waits, refusals and redirects of requests to a model API. */
class ModelHttpTest {

    private final List<Duration> waits = new ArrayList<>();

    private ModelHttp http(int maxRetries) {
        return new ModelHttp("Stand-in", new ModelSettings("m", "key", null, Duration.ofSeconds(5), maxRetries),
                waits::add);
    }

    @Test
    void rateLimitsAndOverloadsAreRetriedAsRetryAfterSaysElseWithGrowingWaits() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(new StandInApi.Answer(429, "{}", Map.of("Retry-After", "7")))
                    .answer(new StandInApi.Answer(529, "{\"error\":{\"message\":\"Overloaded\"}}", Map.of()))
                    .answer(new StandInApi.Answer(503, "", Map.of()))
                    .answer(StandInApi.Answer.ok("{\"ok\":true}"));
            assertEquals(true, http(3).post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode())
                    .path("ok").asBoolean());
            assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
            assertEquals(4, api.received.size());
        }
    }

    @Test
    void theLastFailureIsReportedWithTheApisMessageOrBody() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(new StandInApi.Answer(429, "{\"error\":{\"message\":\"Rate limited\"}}", Map.of()))
                    .answer(new StandInApi.Answer(429, "{\"error\":{\"message\":\"Still rate limited\"}}", Map.of()));
            ModelException error = assertThrows(ModelException.class,
                    () -> http(1).post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at " + api.base("/x") + " answered 429: Still rate limited (after 2 attempts)",
                    error.getMessage());

            api.answer(new StandInApi.Answer(302, "moved", Map.of("Location", "http://elsewhere.invalid/")));
            error = assertThrows(ModelException.class,
                    () -> http(0).post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at " + api.base("/x") + " answered 302: moved", error.getMessage(),
                    "redirects are not followed");

            api.answer(new StandInApi.Answer(404, "404 page not found", Map.of()));
            error = assertThrows(ModelException.class,
                    () -> http(0).post(api.base("/v1/v1/x"), Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at " + api.base("/v1/v1/x") + " answered 404: 404 page not found (check the "
                    + "base_url of model 'm')", error.getMessage(), "the URL shows what base_url made of the path");
        }
    }

    @Test
    void anApiThatQuotesTheKeyItRefusedDoesNotGetItIntoTheError() throws Exception {
        String key = "sk-supersecret-KEY-123456";
        try (StandInApi api = new StandInApi()) {
            api.answer(new StandInApi.Answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\"}}",
                    Map.of()));
            ModelHttp http = new ModelHttp("Stand-in", new ModelSettings("m", key, null, Duration.ofSeconds(5), 0),
                    waits::add);
            ModelException error = assertThrows(ModelException.class,
                    () -> http.post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at " + api.base("/x") + " answered 401: Incorrect API key provided: <api_key> "
                    + "(check the api_key of model 'm')", error.getMessage());
        }
    }

    @Test
    void aWaitLongerThanTheCapFailsAtOnceAndRetryAfterMsIsHonoured() throws Exception {
        try (StandInApi api = new StandInApi()) {
            api.answer(new StandInApi.Answer(429, "{}", Map.of("retry-after-ms", "1500", "Retry-After", "2")))
                    .answer(StandInApi.Answer.ok("{\"ok\":true}"));
            http(1).post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode());
            assertEquals(List.of(Duration.ofMillis(1500)), waits);

            api.answer(new StandInApi.Answer(429, "{\"error\":{\"message\":\"Daily limit\"}}",
                    Map.of("Retry-After", "3600")));
            ModelException error = assertThrows(ModelException.class,
                    () -> http(3).post(api.base("/x"), Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at " + api.base("/x") + " answered 429: Daily limit (it asks to wait 3600 s "
                    + "before trying again)", error.getMessage());
            assertEquals(List.of(Duration.ofMillis(1500)), waits, "no pointless retry");
        }
    }

    @Test
    void anAnswerWhoseBodyStallsTimesOutAndNoCredentialOfTheUrlIsShown() throws Exception {
        // the accepted sockets stay referenced: one left to the collector is closed by its cleaner, and the client
        // then reads "closed" instead of waiting out its timeout (clean107)
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!stalling.isClosed()) {
                    try {
                        Socket client = stalling.accept();
                        held.add(client);
                        client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"partial\":").getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush(); // and nothing more: the socket stays open
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            ModelHttp http = new ModelHttp("Stand-in",
                    new ModelSettings("m", "key", null, Duration.ofSeconds(1), 1), waits::add);
            URI withCredentials = URI.create("http://user:s3cret@127.0.0.1:" + stalling.getLocalPort() + "/v1/x");
            ModelException error = assertThrows(ModelException.class,
                    () -> http.post(withCredentials, Map.of(), new ObjectMapper().createObjectNode()));
            assertEquals("Stand-in API at http://127.0.0.1:" + stalling.getLocalPort()
                    + "/v1/x did not answer within 1 s (the model's timeout setting) (after 2 attempts)",
                    error.getMessage());
            assertEquals(List.of(Duration.ofSeconds(1)), waits, "a timeout is retried once here");
        } finally {
            for (Socket client : held) {
                client.close();
            }
        }
    }

    @Test
    void anInterruptEndsTheRequestWhetherItsAnswerOrTheRestOfItsBodyIsAwaited() throws Exception {
        for (String sent : List.of("", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":")) {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().start(() -> {
                    try (Socket client = silent.accept()) {
                        client.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
                        client.getInputStream().readAllBytes(); // until the client gives up
                    } catch (IOException closed) {
                        // the test ended
                    }
                });
                ModelHttp http = new ModelHttp("Stand-in",
                        new ModelSettings("m", "key", null, Duration.ofMinutes(5), 3), duration -> Thread.sleep(duration));
                Thread asking = Thread.currentThread();
                Thread interrupter = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(500);
                        asking.interrupt(); // the evals run was cancelled
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                ModelException error = assertThrows(ModelException.class, () -> http.post(
                        URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v1/x"), Map.of(),
                        new ObjectMapper().createObjectNode()));
                // read (and cleared) before joining: join() throws while the flag is set and the interrupter has
                // not quite ended
                boolean interruptKept = Thread.interrupted();
                interrupter.join();
                assertTrue(interruptKept, "the interrupt is kept for the caller");
                assertTrue(error.getMessage().startsWith("Interrupted while waiting"), sent + ": " + error.getMessage());
            }
        }
    }

    @Test
    void anUnreachableApiIsNamedAfterItsRetries() {
        ModelException error = assertThrows(ModelException.class, () -> http(2)
                .post(URI.create("http://127.0.0.1:9/v1/messages"), Map.of(), new ObjectMapper().createObjectNode()));
        assertEquals("Stand-in API at http://127.0.0.1:9/v1/messages could not be reached: connection refused (after 3 attempts)",
                error.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }
}
