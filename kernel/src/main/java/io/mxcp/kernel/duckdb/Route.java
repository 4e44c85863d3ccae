package io.mxcp.kernel.duckdb;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.mxcp.kernel.api.SqlFunctionBody;
import io.mxcp.kernel.api.SqlFunctionRoute;

/**
 * One implementation behind a {@link FunctionSlot}, with a lease counter so that closing it waits for the calls
 * already running on it (HOTSWAP.md rule 7).
 */
final class Route implements SqlFunctionRoute {

    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final System.Logger LOG = System.getLogger(Route.class.getName());

    private final FunctionSlot slot;
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private volatile SqlFunctionBody body;
    private volatile boolean closed;

    Route(FunctionSlot slot, SqlFunctionBody body) {
        this.slot = slot;
        this.body = body;
    }

    SqlFunctionBody body() {
        return body;
    }

    boolean tryAcquire() {
        callsInFlight.incrementAndGet();
        if (closed) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        callsInFlight.decrementAndGet();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        slot.remove(this);
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (callsInFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (callsInFlight.get() > 0) {
            LOG.log(System.Logger.Level.WARNING, "SQL function {0}{1}: {2} call(s) still running after the drain "
                    + "timeout", slot.signature(), provider(body), callsInFlight.get());
        }
        // drop the plugin's implementation so nothing kernel-owned keeps its class loader alive
        body = null;
    }

    /** Which bundle (a deployed jar: its {@code deploy:<jar>} location) implements the function, if a bundle does. */
    private static String provider(SqlFunctionBody body) {
        Bundle bundle = FrameworkUtil.getBundle(body.implementation());
        return bundle == null ? ""
                : " of " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
    }
}
