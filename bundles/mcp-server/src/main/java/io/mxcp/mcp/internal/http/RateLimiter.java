package io.mxcp.mcp.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.mxcp.mcp.api.HttpServerOptions.RateLimit;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at the configured rate. The buckets of the
 * clients seen least recently are forgotten beyond {@value #MAX_CLIENTS}, so a flood from many addresses costs
 * bounded memory (a forgotten client starts again with a full bucket).
 */
final class RateLimiter {
    static final int MAX_CLIENTS = 10_000;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    RateLimiter(RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for the client: 0 when it may proceed, else the whole seconds until it may. */
    synchronized long take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(limit.burst(), now));
        double perNano = limit.requestsPerMinute() / NANOS_PER_MINUTE;
        bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.refilledAt) * perNano);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }
}
