package io.mxcp.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition by checking it every 100 ms: no fixed sleeps. */
final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /**
     * Returns the first value {@code probe} gives that is not null, or fails after {@code limit} with
     * {@code description} and the last value of {@code context}.
     */
    static <T> T until(Duration limit, String description, Supplier<T> probe, Supplier<String> context) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit.toMillis() + " ms waiting for " + description
                        + "\n" + context.get());
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + description, e);
            }
        }
    }
}
