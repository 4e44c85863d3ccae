package io.mxcp.mcp.internal.protocol;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which failed calls get a log line: the first of each endpoint and message, then one a minute while it repeats,
 * telling how many were left out since. A failure that hits every call under load (a removed plugin's SQL function,
 * a database gone) would otherwise write a line per call; each call still has its audit record.
 */
final class RepeatedFailures {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Distinct failures remembered; beyond it they start afresh (messages that differ from call to call). */
    private static final int REMEMBERED = 1_000;

    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Since when a failure's lines were left out, and how many. */
    private static final class Window {
        private final long started;
        private int leftOut;

        Window(long started) {
            this.started = started;
        }
    }

    RepeatedFailures(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Null when this failure's line is left out, else what to add to it: empty, or how many like it were left out
     * ({@code " (and 41 more like it in the last 60 s)"}).
     */
    String admit(String endpoint, String message) {
        if (windows.size() > REMEMBERED) {
            windows.clear();
        }
        long now = nanoClock.getAsLong();
        String[] suffix = {null};
        windows.compute(endpoint + '\n' + message, (key, window) -> {
            if (window != null && now - window.started < WINDOW.toNanos()) {
                window.leftOut++;
                return window;
            }
            suffix[0] = window == null || window.leftOut == 0 ? ""
                    : " (and " + window.leftOut + " more like it in the last "
                            + Duration.ofNanos(now - window.started).toSeconds() + " s)";
            return new Window(now);
        });
        return suffix[0];
    }
}
