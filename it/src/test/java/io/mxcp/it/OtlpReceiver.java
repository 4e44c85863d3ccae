package io.mxcp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * An OTLP/HTTP collector for tests: takes protobuf posts to {@code /v1/traces} and {@code /v1/metrics} on a free port
 * of 127.0.0.1, decodes and keeps them with the header a test names, and answers 200 as a collector does.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One export request as received. */
    record Export<T>(T request, String header) {
    }

    private final HttpServer server;
    private final String header;
    private final List<Export<ExportTraceServiceRequest>> traces = new CopyOnWriteArrayList<>();
    private final List<Export<ExportMetricsServiceRequest>> metrics = new CopyOnWriteArrayList<>();

    /** @param header the request header each export is kept with (an API key the exporter is configured to send) */
    OtlpReceiver(String header) {
        this.header = header;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> receive(exchange,
                body -> traces.add(new Export<>(ExportTraceServiceRequest.parseFrom(body), header(exchange)))));
        server.createContext("/v1/metrics", exchange -> receive(exchange,
                body -> metrics.add(new Export<>(ExportMetricsServiceRequest.parseFrom(body), header(exchange)))));
        server.start();
    }

    private interface Decoder {
        void accept(byte[] body) throws IOException;
    }

    private static void receive(HttpExchange exchange, Decoder decoder) throws IOException {
        try (exchange) {
            decoder.accept(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private String header(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst(header);
    }

    /** The base URL to configure as {@code telemetry.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Export<ExportTraceServiceRequest>> traces() {
        return List.copyOf(traces);
    }

    List<Export<ExportMetricsServiceRequest>> metrics() {
        return List.copyOf(metrics);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
