package io.mxcp.telemetry.otel;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.mxcp.sdk.telemetry.MetricCounter;
import io.mxcp.sdk.telemetry.Telemetry;
import io.mxcp.sdk.telemetry.TelemetryException;
import io.mxcp.sdk.telemetry.TelemetrySettings;
import io.mxcp.sdk.telemetry.TelemetrySpan;
import io.mxcp.sdk.telemetry.TraceContext;

/**
 * One started OpenTelemetry SDK: a tracer provider with a batch processor per exporter (OTLP/HTTP, console), a meter
 * provider with a periodic OTLP/HTTP reader, both on the settings' resource. Nothing is registered globally and no
 * span is made current on a thread: parents are passed explicitly, so no thread-local keeps this bundle's classes
 * once it is gone.
 */
final class OtelTelemetry implements Telemetry {
    private static final System.Logger LOG = System.getLogger(OtelTelemetry.class.getName());
    /** The unit of a count in OpenTelemetry's (UCUM) terms, as the original's counters and gauges declare it. */
    private static final String COUNT = "1";

    /** The instrumentation scope of every span and instrument (spec 03 §6.2: tracer name {@code mxcp}). */
    static final String SCOPE = "mxcp";
    /** How long closing waits for the last export. */
    private static final long CLOSE_SECONDS = 2;
    private static final int SPAN_QUEUE = 32_768;
    private static final int SPAN_BATCH = 2_048;
    private static final Duration METRIC_EXPORT_TIMEOUT = Duration.ofSeconds(10);

    private final SdkTracerProvider tracerProvider;
    private final SdkMeterProvider meterProvider;
    private final Tracer tracer;
    private final Meter meter;
    private final ExportFailureLog.Hold exportLog;

    /** @param tracerProvider null when tracing is off; {@code meterProvider} likewise for metrics */
    OtelTelemetry(SdkTracerProvider tracerProvider, SdkMeterProvider meterProvider) {
        this(tracerProvider, meterProvider, null);
    }

    /** @param exportLog the exporters' log filter to let go at close, or null */
    private OtelTelemetry(SdkTracerProvider tracerProvider, SdkMeterProvider meterProvider,
            ExportFailureLog.Hold exportLog) {
        this.exportLog = exportLog;
        this.tracerProvider = tracerProvider;
        this.meterProvider = meterProvider;
        this.tracer = (tracerProvider == null ? TracerProvider.noop() : tracerProvider).get(SCOPE);
        this.meter = (meterProvider == null ? MeterProvider.noop() : meterProvider).get(SCOPE);
    }

    /**
     * Builds the SDK for the settings.
     *
     * @param console where {@code tracing.console_export} writes
     */
    static OtelTelemetry start(TelemetrySettings settings, PrintStream console) throws TelemetryException {
        Resource resource = Resource.getDefault().merge(Resource.create(attributes(settings.resource())));
        ExportFailureLog.Hold exportLog = ExportFailureLog.acquire(settings.endpoint());
        SdkTracerProvider tracing = null;
        SdkMeterProvider metrics = null;
        try {
            tracing = settings.tracing() ? tracerProvider(settings, resource, console) : null;
            metrics = settings.metrics() ? meterProvider(settings, resource) : null;
        } catch (TelemetryException | RuntimeException e) {
            if (tracing != null) {
                tracing.shutdown();
            }
            exportLog.close();
            throw e;
        }
        // an operator wiring the server into a pipeline sees where it sends, and a block that was not taken up
        LOG.log(System.Logger.Level.INFO, "OpenTelemetry for service {0}: traces {1}, metrics {2}",
                resource.getAttribute(AttributeKey.stringKey("service.name")), tracesGoTo(settings),
                settings.metrics() && settings.endpoint() != null
                        ? "to " + settings.endpoint() + " every " + settings.metricInterval().toSeconds() + " s" : "off");
        return new OtelTelemetry(tracing, metrics, exportLog);
    }

    private static String tracesGoTo(TelemetrySettings settings) {
        if (!settings.tracing()) {
            return "off";
        }
        if (settings.endpoint() == null) {
            return settings.consoleExport() ? "to the console" : "off";
        }
        return "to " + settings.endpoint() + (settings.consoleExport() ? " and the console" : "");
    }

    private static SdkTracerProvider tracerProvider(TelemetrySettings settings, Resource resource, PrintStream console)
            throws TelemetryException {
        List<SpanExporter> exporters = new ArrayList<>();
        if (settings.endpoint() != null) {
            OtlpHttpSpanExporterBuilder otlp = OtlpHttpSpanExporter.builder()
                    .setComponentLoader(JdkHttpSenderOnly.INSTANCE)
                    .setMeterProvider(MeterProvider::noop);
            settings.headers().forEach(otlp::addHeader);
            exporters.add(configured(() -> otlp.setEndpoint(OtlpEndpoints.traces(settings.endpoint())).build(),
                    "traces"));
        }
        if (settings.consoleExport()) {
            exporters.add(new ConsoleSpanExporter(console));
        }
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder().setResource(resource);
        for (SpanExporter exporter : exporters) {
            // a server doing thousands of calls a second makes ~5 spans each: the SDK's 2,048-span queue would
            // hold well under a second and drop spans at the first slow export
            builder.addSpanProcessor(BatchSpanProcessor.builder(exporter).setMeterProvider(MeterProvider::noop)
                    .setMaxQueueSize(SPAN_QUEUE).setMaxExportBatchSize(SPAN_BATCH).build());
        }
        return builder.build();
    }

    /** Metrics go to the OTLP endpoint with the same headers as spans (the original sent none, quirk Q25). */
    private static SdkMeterProvider meterProvider(TelemetrySettings settings, Resource resource)
            throws TelemetryException {
        var builder = SdkMeterProvider.builder().setResource(resource);
        if (settings.endpoint() != null) {
            OtlpHttpMetricExporterBuilder otlp = OtlpHttpMetricExporter.builder()
                    .setComponentLoader(JdkHttpSenderOnly.INSTANCE)
                    .setMeterProvider(MeterProvider::noop);
            settings.headers().forEach(otlp::addHeader);
            OtlpHttpMetricExporter exporter = configured(
                    () -> otlp.setEndpoint(OtlpEndpoints.metrics(settings.endpoint())).build(), "metrics");
            // the reader's export timeout defaults to the interval: with a short interval a slow export (the
            // first, on a loaded machine) would be given up and warned about; the OTLP request's own 10 s applies
            MetricReader reader = PeriodicMetricReader.builder(exporter).setInterval(settings.metricInterval())
                    .setExporterTimeout(METRIC_EXPORT_TIMEOUT).build();
            builder.registerMetricReader(reader);
        }
        return builder.build();
    }

    private interface ExporterBuild<T> {
        T build();
    }

    /** Builds an exporter; one the SDK refuses (a header it cannot send, ...) names the telemetry key at fault. */
    private static <T> T configured(ExporterBuild<T> build, String signal) throws TelemetryException {
        try {
            return build.build();
        } catch (IllegalArgumentException e) {
            throw new TelemetryException("telemetry.endpoint/headers: the OTLP " + signal + " exporter refuses them: "
                    + e.getMessage(), e);
        }
    }

    private static Attributes attributes(Map<String, String> values) {
        AttributesBuilder builder = Attributes.builder();
        values.forEach(builder::put);
        return builder.build();
    }

    @Override
    public TelemetrySpan startSpan(String name, TelemetrySpan parent) {
        SpanBuilder span = tracer.spanBuilder(name);
        if (parent instanceof OtelSpan otel) {
            span.setParent(Context.root().with(otel.span()));
        } else {
            span.setNoParent();
        }
        return new OtelSpan(span.startSpan());
    }

    /** The caller's span as the parent (W3C trace context); a malformed traceparent leaves the span a new trace. */
    @Override
    public TelemetrySpan continueTrace(String name, TraceContext remoteParent) {
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", remoteParent.traceparent());
        if (remoteParent.tracestate() != null) {
            carrier.put("tracestate", remoteParent.tracestate());
        }
        Context caller = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MapCarrier.INSTANCE);
        SpanBuilder span = tracer.spanBuilder(name);
        if (Span.fromContext(caller).getSpanContext().isValid()) {
            span.setParent(caller);
        } else {
            span.setNoParent();
        }
        return new OtelSpan(span.startSpan());
    }

    /** Reads the propagator's fields from a map. */
    private enum MapCarrier implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    @Override
    public MetricCounter counter(String name, String description) {
        return OtelCounter.monotonic(meter.counterBuilder(name).setDescription(description).setUnit(COUNT).build());
    }

    @Override
    public MetricCounter upDownCounter(String name, String description) {
        return OtelCounter.upDown(meter.upDownCounterBuilder(name).setDescription(description).setUnit(COUNT)
                .build());
    }

    /**
     * Exports what is pending and shuts both providers down, waiting at most {@value #CLOSE_SECONDS} s. The shutdown
     * runs on a thread of its own because the SDK's metric reader blocks its caller until its last export ends (up
     * to 10 s against a collector that does not answer): a server's stop or a swap of this bundle does not wait for
     * that; the thread ends with the export.
     */
    @Override
    public void close() {
        CompletableResultCode closed = new CompletableResultCode();
        Thread.ofPlatform().daemon().name("mxcp-telemetry-close").start(() -> {
            List<CompletableResultCode> shutdowns = new ArrayList<>();
            if (tracerProvider != null) {
                shutdowns.add(tracerProvider.shutdown());
            }
            if (meterProvider != null) {
                shutdowns.add(meterProvider.shutdown());
            }
            CompletableResultCode.ofAll(shutdowns).whenComplete(closed::succeed);
        });
        closed.join(CLOSE_SECONDS, TimeUnit.SECONDS);
        if (exportLog != null) {
            exportLog.close();
        }
    }

}
