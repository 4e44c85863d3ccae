package io.mxcp.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.mxcp.sdk.telemetry.MetricCounter;
import io.mxcp.sdk.telemetry.TelemetrySpan;
import io.mxcp.sdk.telemetry.TraceContext;

/** What the core's calls through the SPI become in the SDK: spans with their parents and attributes, and metrics. */
class OtelTelemetryTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OtelTelemetry telemetry = new OtelTelemetry(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build(),
            SdkMeterProvider.builder().registerMetricReader(metrics).build());

    @AfterEach
    void close() {
        telemetry.close();
    }

    @Test
    void aStartSaysWhereTracesAndMetricsGo() throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(OtelTelemetry.class.getName());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        java.net.URI collector = java.net.URI.create("http://127.0.0.1:9");
        try (OtelTelemetry started = OtelTelemetry.start(new io.mxcp.sdk.telemetry.TelemetrySettings(collector,
                Map.of(), Map.of("service.name", "orders-mcp"), true, false, true, java.time.Duration.ofSeconds(30)),
                System.out)) {
            assertEquals(List.of("INFO OpenTelemetry for service orders-mcp: traces to http://127.0.0.1:9, metrics to "
                    + "http://127.0.0.1:9 every 30 s"), lines);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aChildSpanBelongsToItsParentsTraceUnderTheMxcpScope() {
        TelemetrySpan root = telemetry.startSpan("mxcp.endpoint.execute", null);
        TelemetrySpan child = telemetry.startSpan("mxcp.execution_engine.execute", root);
        child.end();
        root.end();

        SpanData rootData = finished("mxcp.endpoint.execute");
        SpanData childData = finished("mxcp.execution_engine.execute");
        assertFalse(rootData.getParentSpanContext().isValid(), "the root starts a new trace");
        assertEquals(rootData.getSpanId(), childData.getParentSpanId());
        assertEquals(rootData.getTraceId(), childData.getTraceId());
        assertEquals(rootData.getTraceId(), root.traceId());
        assertTrue(root.traceId().matches("[0-9a-f]{32}"), root.traceId());
        assertEquals("mxcp", rootData.getInstrumentationScopeInfo().getName());
    }

    @Test
    void aCallersTraceContextMakesTheRootItsChildAndAMalformedOneIsIgnored() {
        TelemetrySpan joined = telemetry.continueTrace("mxcp.endpoint.execute",
                new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "vendor=value"));
        joined.end();
        SpanData data = finished("mxcp.endpoint.execute");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", data.getTraceId(), "the caller's trace");
        assertEquals("00f067aa0ba902b7", data.getParentSpanId(), "under the caller's span");
        assertEquals("value", data.getSpanContext().getTraceState().get("vendor"), "tracestate carried on");
        spans.reset();

        TelemetrySpan fresh = telemetry.continueTrace("mxcp.endpoint.execute", new TraceContext("not-a-traceparent",
                null));
        fresh.end();
        SpanData freshData = finished("mxcp.endpoint.execute");
        assertFalse(freshData.getParentSpanContext().isValid(), "a new trace instead");
        assertTrue(freshData.getSpanContext().isValid());
    }

    @Test
    void attributesKeepTheirTypesAndNullValuesAreDropped() {
        TelemetrySpan span = telemetry.startSpan("s", null);
        span.setAttribute("text", "value");
        span.setAttribute("count", 3);
        span.setAttribute("flag", true);
        span.setAttribute("list", List.of("a", "b"));
        span.setAttribute("missing", (String) null);
        span.end();

        Attributes attributes = finished("s").getAttributes();
        assertEquals("value", attributes.get(AttributeKey.stringKey("text")));
        assertEquals(3L, attributes.get(AttributeKey.longKey("count")));
        assertEquals(true, attributes.get(AttributeKey.booleanKey("flag")));
        assertEquals(List.of("a", "b"), attributes.get(AttributeKey.stringArrayKey("list")));
        assertEquals(4, attributes.size());
    }

    @Test
    void anErrorMarksTheSpanFailedWithItsMessageAndIsRecordedAsAnEvent() {
        TelemetrySpan span = telemetry.startSpan("s", null);
        span.recordError(new IllegalStateException("Policy enforcement failed: no"));
        span.end();

        SpanData data = finished("s");
        assertEquals(StatusCode.ERROR, data.getStatus().getStatusCode());
        assertEquals("Policy enforcement failed: no", data.getStatus().getDescription());
        assertEquals("exception", data.getEvents().get(0).getName());
    }

    @Test
    void aSqlErrorIsRecordedWithoutTheStatementOrAStackTrace() {
        TelemetrySpan span = telemetry.startSpan("mxcp.duckdb.execute", null);
        span.recordError(new IllegalStateException("Parser Error: syntax error at or near \"FORM\"\n\n"
                + "LINE 1: SELECT secret_column FORM payroll\n                      ^"));
        span.end();

        SpanData data = finished("mxcp.duckdb.execute");
        assertEquals("Parser Error: syntax error at or near \"FORM\"", data.getStatus().getDescription());
        Attributes event = data.getEvents().get(0).getAttributes();
        assertEquals(IllegalStateException.class.getName(), event.get(AttributeKey.stringKey("exception.type")));
        assertNull(event.get(AttributeKey.stringKey("exception.stacktrace")), "no stack trace leaves the server");
        assertFalse(data.toString().contains("secret_column"), data::toString);
    }

    @Test
    void withTracingOffSpansRecordNothingAndHaveNoTraceId() {
        OtelTelemetry untraced = new OtelTelemetry(null, null);
        TelemetrySpan span = untraced.startSpan("s", null);
        assertFalse(span.recording());
        assertNull(span.traceId());
        span.end();
        untraced.counter("c", "d").add(1, Map.of("k", "v"));
        untraced.close();
    }

    @Test
    void countersSumPerAttributeSetAndUpDownCountersGoBackDown() {
        MetricCounter requests = telemetry.counter("mxcp.endpoint.requests_total", "calls");
        MetricCounter running = telemetry.upDownCounter("mxcp.endpoint.concurrent_executions", "running");
        requests.add(1, Map.of("endpoint", "hello", "status", "success"));
        requests.add(1, Map.of("endpoint", "hello", "status", "success"));
        requests.add(1, Map.of("endpoint", "hello", "status", "error"));
        running.add(1, Map.of("endpoint", "hello"));
        running.add(1, Map.of("endpoint", "hello"));
        running.add(-1, Map.of("endpoint", "hello"));

        List<MetricData> collected = List.copyOf(metrics.collectAllMetrics());
        assertEquals(2, point(collected, "mxcp.endpoint.requests_total", "status", "success").getValue());
        assertEquals(1, point(collected, "mxcp.endpoint.requests_total", "status", "error").getValue());
        assertEquals(1, point(collected, "mxcp.endpoint.concurrent_executions", "endpoint", "hello").getValue());
        assertEquals("calls", metric(collected, "mxcp.endpoint.requests_total").getDescription());
        assertEquals("1", metric(collected, "mxcp.endpoint.requests_total").getUnit(), "a count, as the original's");
        assertEquals("1", metric(collected, "mxcp.endpoint.concurrent_executions").getUnit());
    }

    private SpanData finished(String name) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
    }

    private static MetricData metric(List<MetricData> collected, String name) {
        return collected.stream().filter(metric -> metric.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static LongPointData point(List<MetricData> collected, String name, String key, String value) {
        MetricData metric = metric(collected, name);
        var points = metric.getType() == io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_SUM
                ? metric.getLongSumData().getPoints() : List.<LongPointData>of();
        return points.stream().filter(p -> value.equals(p.getAttributes().get(AttributeKey.stringKey(key))))
                .findFirst().orElseThrow(() -> new AssertionError("no point " + key + "=" + value + " in " + metric));
    }
}
