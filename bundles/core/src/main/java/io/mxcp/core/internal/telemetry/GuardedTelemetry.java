package io.mxcp.core.internal.telemetry;

import io.mxcp.sdk.telemetry.MetricCounter;
import io.mxcp.sdk.telemetry.Telemetry;
import io.mxcp.sdk.telemetry.TelemetrySpan;
import io.mxcp.sdk.telemetry.TraceContext;

/**
 * A telemetry bundle's {@link Telemetry} as calls use it: whatever its spans and counters throw — a bug in a
 * third-party exporter, or a class its bundle can no longer load after a swap — is reported and stops there, so
 * telemetry never fails a call. A span that cannot be started is one that records nothing.
 */
final class GuardedTelemetry implements Telemetry {

    private final Telemetry delegate;
    private final TelemetryFaults faults = new TelemetryFaults();

    GuardedTelemetry(Telemetry delegate) {
        this.delegate = delegate;
    }

    @Override
    public TelemetrySpan startSpan(String name, TelemetrySpan parent) {
        try {
            return new GuardedSpan(delegate.startSpan(name, GuardedSpan.unwrap(parent)), faults);
        } catch (RuntimeException | LinkageError e) {
            faults.report(e);
            return NoSpan.INSTANCE;
        }
    }

    @Override
    public TelemetrySpan continueTrace(String name, TraceContext remoteParent) {
        try {
            return new GuardedSpan(delegate.continueTrace(name, remoteParent), faults);
        } catch (RuntimeException | LinkageError e) {
            faults.report(e);
            return NoSpan.INSTANCE;
        }
    }

    /** Made when the telemetry starts, where a failure fails the start: only the counting is guarded. */
    @Override
    public MetricCounter counter(String name, String description) {
        return guarded(delegate.counter(name, description));
    }

    @Override
    public MetricCounter upDownCounter(String name, String description) {
        return guarded(delegate.upDownCounter(name, description));
    }

    private MetricCounter guarded(MetricCounter counter) {
        return (amount, attributes) -> {
            try {
                counter.add(amount, attributes);
            } catch (RuntimeException | LinkageError e) {
                faults.report(e);
            }
        };
    }

    @Override
    public void close() {
        delegate.close();
    }
}
