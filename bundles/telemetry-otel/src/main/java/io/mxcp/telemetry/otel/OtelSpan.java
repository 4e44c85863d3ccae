package io.mxcp.telemetry.otel;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
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
        recordError(error.getClass().getName(), error.getMessage());
    }

    /**
     * The error's type and the first line of its message: no stack trace, and not DuckDB's {@code LINE 1: SELECT ...}
     * excerpt of the statement (spans carry SQL only as a hash).
     */
    @Override
    public void recordError(String type, String message) {
        String firstLine = firstLine(message);
        span.addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), type,
                AttributeKey.stringKey("exception.message"), firstLine));
        span.setStatus(StatusCode.ERROR, firstLine);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
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
