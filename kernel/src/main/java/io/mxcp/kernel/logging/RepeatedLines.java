package io.mxcp.kernel.logging;

import java.time.Duration;

/**
 * The line the OSGi loggers wrote last, so that the same line again right after it is written once: the Declarative
 * Services runtime reports one component failure from each place that meets it, three identical lines within a few
 * milliseconds.
 */
final class RepeatedLines {
    private static final long WINDOW_NANOS = Duration.ofSeconds(2).toNanos();

    private String last;
    private long lastAt;

    /**
     * Whether {@code line} is the line before it, written less than two seconds ago; else it is the line written now.
     * The window counts from the writing, so a line that recurs every second is still written every two.
     */
    synchronized boolean repeats(String line) {
        long now = System.nanoTime();
        if (line.equals(last) && now - lastAt < WINDOW_NANOS) {
            return true;
        }
        last = line;
        lastAt = now;
        return false;
    }
}
