package io.mxcp.sdk.telemetry;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Telemetry started for one served project: spans and metric instruments. The core creates its instruments once,
 * right after start, and opens spans from many threads at once.
 */
@ConsumerType
public interface Telemetry extends AutoCloseable {

    /**
     * Starts a span.
     *
     * @param parent the span it belongs under, or null to start a new trace; always a span of this telemetry
     * @return the span; when tracing is off, one that records nothing ({@link TelemetrySpan#recording()} false)
     */
    TelemetrySpan startSpan(String name, TelemetrySpan parent);

    /**
     * Starts the root span of a call that continues a caller's trace: it joins the caller's trace under the caller's
     * span. A provider that does not read trace contexts starts a new trace.
     *
     * @param remoteParent the caller's context; a malformed {@code traceparent} starts a new trace
     * @since 1.1
     */
    default TelemetrySpan continueTrace(String name, TraceContext remoteParent) {
        return startSpan(name, (TelemetrySpan) null);
    }

    /**
     * A counter that only goes up ({@code mxcp.endpoint.requests_total}, ...); when metrics are off, one that records
     * nothing.
     */
    MetricCounter counter(String name, String description);

    /** A counter that goes up and down ({@code mxcp.endpoint.concurrent_executions}, ...). */
    MetricCounter upDownCounter(String name, String description);

    /** Exports what is still pending and stops, within a few seconds; later calls on this object are ignored. */
    @Override
    void close();
}
