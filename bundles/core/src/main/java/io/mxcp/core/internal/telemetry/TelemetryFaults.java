package io.mxcp.core.internal.telemetry;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs the failures of one started telemetry: the first at once, then at most one a minute with how many came since,
 * so a broken exporter under load does not flood the log.
 */
final class TelemetryFaults {

    private static final System.Logger LOG = System.getLogger(TelemetryFaults.class.getName());
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong unreported = new AtomicLong();
    /** When the next failure may be logged (System.nanoTime); 0 before the first. */
    private final AtomicLong nextReport = new AtomicLong();

    void report(Throwable failure) {
        long count = unreported.incrementAndGet();
        long now = System.nanoTime();
        long next = nextReport.get();
        if ((next == 0 || now - next >= 0) && nextReport.compareAndSet(next, now + QUIET_NANOS)) {
            unreported.addAndGet(-count);
            LOG.log(Level.WARNING, "The telemetry bundle failed (" + count + " time(s) since the last report); calls "
                    + "go on, their spans or metrics may be incomplete: " + failure, failure);
        }
    }
}
