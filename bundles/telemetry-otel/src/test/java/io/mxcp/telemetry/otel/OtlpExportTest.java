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
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Api-Key"), body.length));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
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
