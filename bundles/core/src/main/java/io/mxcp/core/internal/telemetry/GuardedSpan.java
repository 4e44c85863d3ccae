package io.mxcp.core.internal.telemetry;

import java.util.List;
import java.util.function.Supplier;

import io.mxcp.sdk.telemetry.TelemetrySpan;

/** A telemetry bundle's span whose failures are reported instead of thrown (see {@link GuardedTelemetry}). */
final class GuardedSpan implements TelemetrySpan {

    private final TelemetrySpan delegate;
    private final TelemetryFaults faults;

    GuardedSpan(TelemetrySpan delegate, TelemetryFaults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    /** The bundle's own span under a guarded one, as the bundle expects its parents. */
    static TelemetrySpan unwrap(TelemetrySpan span) {
        return span instanceof GuardedSpan guarded ? guarded.delegate : span;
    }

    @Override
    public boolean recording() {
        return answer(delegate::recording, false);
    }

    @Override
    public void setAttribute(String key, String value) {
        guard(() -> delegate.setAttribute(key, value));
    }

    @Override
    public void setAttribute(String key, long value) {
        guard(() -> delegate.setAttribute(key, value));
    }

    @Override
    public void setAttribute(String key, boolean value) {
        guard(() -> delegate.setAttribute(key, value));
    }

    @Override
    public void setAttribute(String key, List<String> value) {
        guard(() -> delegate.setAttribute(key, value));
    }

    @Override
    public void recordError(Throwable error) {
        guard(() -> delegate.recordError(error));
    }

    @Override
    public void recordError(String type, String message) {
        guard(() -> delegate.recordError(type, message));
    }

    @Override
    public String traceId() {
        return answer(delegate::traceId, null);
    }

    @Override
    public void end() {
        guard(delegate::end);
    }

    private <T> T answer(Supplier<T> question, T otherwise) {
        try {
            return question.get();
        } catch (RuntimeException | LinkageError e) {
            faults.report(e);
            return otherwise;
        }
    }

    private void guard(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            faults.report(e);
        }
    }
}
