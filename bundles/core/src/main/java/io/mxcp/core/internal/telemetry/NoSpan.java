package io.mxcp.core.internal.telemetry;

import java.util.List;

import io.mxcp.sdk.telemetry.TelemetrySpan;

/** The span of a call that is not traced: records nothing, costs a call. */
enum NoSpan implements TelemetrySpan {
    INSTANCE;

    @Override
    public boolean recording() {
        return false;
    }

    @Override
    public void setAttribute(String key, String value) {
        // not traced
    }

    @Override
    public void setAttribute(String key, long value) {
        // not traced
    }

    @Override
    public void setAttribute(String key, boolean value) {
        // not traced
    }

    @Override
    public void setAttribute(String key, List<String> value) {
        // not traced
    }

    @Override
    public void recordError(Throwable error) {
        // not traced
    }

    @Override
    public void recordError(String type, String message) {
        // not traced
    }

    @Override
    public String traceId() {
        return null;
    }

    @Override
    public void end() {
        // not traced
    }
}
