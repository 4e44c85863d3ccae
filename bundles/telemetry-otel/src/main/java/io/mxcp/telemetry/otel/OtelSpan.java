package io.mxcp.telemetry.otel;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.mxcp.sdk.telemetry.TelemetrySpan;

/** A span of the SDK, as the core sees it. */
final class OtelSpan implements TelemetrySpan {

    private final Span span;

    OtelSpan(Span span) {
        this.span = span;
    }

    Span span() {
        return span;
    }

    @Override
    public boolean recording() {
        return span.isRecording();
    }

    @Override
    public void setAttribute(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    @Override
    public void setAttribute(String key, long value) {
        span.setAttribute(key, value);
    }

    @Override
    public void setAttribute(String key, boolean value) {
        span.setAttribute(key, value);
    }

    @Override
    public void setAttribute(String key, List<String> value) {
        if (value != null) {
            span.setAttribute(AttributeKey.stringArrayKey(key), value);
        }
    }

    @Override
    public void recordError(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getMessage() == null ? error.toString() : error.getMessage());
    }

    @Override
    public String traceId() {
        return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
    }

    @Override
    public void end() {
        span.end();
    }
}
