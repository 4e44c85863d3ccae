package io.mxcp.mcp.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.mxcp.mcp.api.HttpServerOptions.RateLimit;

/**
 * Which refused requests the audit log records: per client address bursts of {@value #BURST}, then one a second (a
 * token bucket, {@link RateLimiter}'s), so that a client refused without end cannot fill the disk. The refusals
 * left out are counted per client and the count goes with that client's next record, so none disappears without a
 * trace. Counts are kept for at most {@link RateLimiter#MAX_CLIENTS} clients; the count of one forgotten beyond that
 * is logged, as are those still held when the server stops.
 */
final class RefusalBudget {
    static final int BURST = 20;
    private static final RateLimit LIMIT = new RateLimit(60, BURST);
    private static final System.Logger LOG = System.getLogger(RefusalBudget.class.getName());

    private final RateLimiter limiter;
    private final Map<String, Long> unrecorded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            if (size() <= RateLimiter.MAX_CLIENTS) {
                return false;
            }
            LOG.log(System.Logger.Level.WARNING, "{0} refused requests of {1} were not recorded in the audit log (over"
                    + " its limit of refusal records per client) and are forgotten: more than {2} clients wait to be"
                    + " recorded", eldest.getValue(), eldest.getKey(), RateLimiter.MAX_CLIENTS);
            return true;
        }
    };

    /** @param nanoTime nanoseconds, as {@link System#nanoTime()} */
    RefusalBudget(LongSupplier nanoTime) {
        this.limiter = new RateLimiter(LIMIT, nanoTime);
    }

    /**
     * Takes the client's refusal: -1 when it is not recorded (it is counted instead), else how many of the client's
     * refusals were not recorded since its last record (its record carries that count).
     */
    synchronized long admit(String client) {
        if (limiter.take(client) > 0) {
            unrecorded.merge(client, 1L, Long::sum);
            return -1;
        }
        Long left = unrecorded.remove(client);
        return left == null ? 0 : left;
    }

    /** Counts refusals admitted but not recorded after all (the project was being replaced) toward the next record. */
    synchronized void unrecorded(String client, long count) {
        unrecorded.merge(client, count, Long::sum);
    }

    /** At server stop: logs the counts no record will carry. */
    synchronized void close() {
        long total = unrecorded.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} refused requests of {1} clients were not recorded in the audit"
                    + " log (over its limit of refusal records per client)", total, unrecorded.size());
        }
        unrecorded.clear();
    }
}
