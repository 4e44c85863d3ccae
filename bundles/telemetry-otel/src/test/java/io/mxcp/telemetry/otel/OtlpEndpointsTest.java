package io.mxcp.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

class OtlpEndpointsTest {

    @Test
    void eachSignalsPathIsAppendedToTheBaseUrl() {
        URI base = URI.create("http://collector:4318");
        assertEquals("http://collector:4318/v1/traces", OtlpEndpoints.traces(base));
        assertEquals("http://collector:4318/v1/metrics", OtlpEndpoints.metrics(base));
    }

    @Test
    void aTrailingSlashOrAPathPrefixIsKept() {
        URI base = URI.create("https://otel.example.com/ingest/");
        assertEquals("https://otel.example.com/ingest/v1/traces", OtlpEndpoints.traces(base));
        assertEquals("https://otel.example.com/ingest/v1/metrics", OtlpEndpoints.metrics(base));
    }

    @Test
    void anEndpointEndingWithOneSignalsPathServesBothSignals() {
        URI traces = URI.create("http://collector:4318/v1/traces");
        assertEquals("http://collector:4318/v1/traces", OtlpEndpoints.traces(traces));
        assertEquals("http://collector:4318/v1/metrics", OtlpEndpoints.metrics(traces));
        assertEquals("http://collector:4318/v1/traces", OtlpEndpoints.traces(URI.create("http://collector:4318/v1/metrics")));
    }
}
