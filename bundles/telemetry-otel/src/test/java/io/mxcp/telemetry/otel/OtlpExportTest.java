package io.mxcp.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.mxcp.sdk.telemetry.TelemetrySettings;

/** The OTLP/HTTP exporters post to the signal paths of the configured endpoint, each with the configured headers. */
class OtlpExportTest {

    private record Received(String path, String contentType, String apiKey, int bytes) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Holds each request unanswered until counted down (a collector that hangs); open by default. */
    private volatile CountDownLatch hang = new CountDownLatch(0);
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                hang.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Api-Key"), body.length));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.setExecutor(Executors.newCachedThreadPool());
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        hang.countDown();
        collector.stop(0);
    }

    @Test
    void closingDoesNotWaitForACollectorThatDoesNotAnswer() throws Exception {
        hang = new CountDownLatch(1);
        URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/");
        TelemetrySettings settings = new TelemetrySettings(endpoint, Map.of(), Map.of("service.name", "mxcp"), true,
                false, true, Duration.ofSeconds(60));
        OtelTelemetry telemetry = OtelTelemetry.start(settings, System.err);
        telemetry.counter("mxcp.endpoint.requests_total", "calls").add(1, Map.of("endpoint", "hello"));
        long begin = System.nanoTime();
        telemetry.close();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        // the SDK's metric reader alone waits 5 s for its last export, and up to 5 s more for one under way
        assertTrue(took.compareTo(Duration.ofMillis(4500)) < 0, "close() took " + took);
        assertEquals(1, hang.getCount(), "the collector still holds the export");
    }

    @Test
    void spansAndMetricsArePostedAsProtobufWithTheHeadersWhenTelemetryCloses() throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/");
        TelemetrySettings settings = new TelemetrySettings(endpoint, Map.of("x-api-key", "secret"),
                Map.of("service.name", "mxcp"), true, false, true, Duration.ofSeconds(60));
        OtelTelemetry telemetry = OtelTelemetry.start(settings, System.err);
        telemetry.startSpan("mxcp.endpoint.execute", null).end();
        telemetry.counter("mxcp.endpoint.requests_total", "calls").add(1, Map.of("endpoint", "hello"));
        telemetry.close();

        Received traces = posted("/v1/traces");
        Received metrics = posted("/v1/metrics");
        assertEquals("application/x-protobuf", traces.contentType());
        assertEquals("secret", traces.apiKey());
        assertEquals("secret", metrics.apiKey(), "metrics carry the headers too (the original sent none)");
        assertTrue(traces.bytes() > 0 && metrics.bytes() > 0);
    }

    private Received posted(String path) {
        return received.stream().filter(request -> request.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing posted to " + path + ": " + received));
    }
}
