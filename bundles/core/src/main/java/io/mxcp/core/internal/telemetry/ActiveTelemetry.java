package io.mxcp.core.internal.telemetry;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mxcp.sdk.telemetry.Telemetry;
import io.mxcp.sdk.telemetry.TelemetryException;
import io.mxcp.sdk.telemetry.TelemetryProvider;
import io.mxcp.sdk.telemetry.TelemetrySettings;

/**
 * Telemetry started from one provider for one served project, with its instruments, counting the calls that use it
 * (HOTSWAP rule 7): once retired it takes no new call, waits (bounded) for the running ones, then is closed, so that
 * nothing of the provider's bundle is used after it goes.
 */
final class ActiveTelemetry {

    private static final System.Logger LOG = System.getLogger(ActiveTelemetry.class.getName());
    private static final long DRAIN_MILLIS = 2000;

    private final TelemetryProvider provider;
    private final Telemetry telemetry;
    private final boolean tracing;
    private final CallMetrics metrics;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean retired;

    private ActiveTelemetry(TelemetryProvider provider, Telemetry telemetry, TelemetrySettings settings) {
        this.provider = provider;
        this.telemetry = telemetry;
        this.tracing = settings.tracing();
        this.metrics = settings.metrics() ? new RecordedCallMetrics(telemetry) : CallMetrics.NONE;
    }

    static ActiveTelemetry start(TelemetryProvider provider, TelemetrySettings settings) throws TelemetryException {
        Telemetry started = new GuardedTelemetry(provider.start(settings));
        return new ActiveTelemetry(provider, started, settings);
    }

    /** Reports the server up ({@code mxcp.up}) when metrics are on. */
    void countUp(ServedIdentity server) {
        if (metrics != CallMetrics.NONE) {
            telemetry.counter("mxcp.up", "Servers started").add(1, Map.of("version", server.version(),
                    "profile", server.profile(), "project", server.project(), "transport", server.transport()));
        }
    }

    TelemetryProvider provider() {
        return provider;
    }

    Telemetry telemetry() {
        return telemetry;
    }

    boolean tracing() {
        return tracing;
    }

    CallMetrics metrics() {
        return metrics;
    }

    /** Counts a call in; false once retired (the caller then takes the successor, if any). */
    boolean enter() {
        calls.incrementAndGet();
        if (retired) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (calls.decrementAndGet() == 0 && retired) {
            synchronized (calls) {
                calls.notifyAll();
            }
        }
    }

    /** Refuses new calls, waits at most two seconds for the running ones, then closes the telemetry (a flush). */
    void retire() {
        retired = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        synchronized (calls) {
            for (long left = DRAIN_MILLIS; calls.get() > 0 && left > 0;
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                try {
                    calls.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (calls.get() > 0) {
            LOG.log(Level.WARNING, "Closing telemetry with {0} call(s) still running; their spans may be lost",
                    calls.get());
        }
        try {
            telemetry.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Closing telemetry failed", e);
        }
    }
}
