package io.mxcp.cli.serve;

import java.time.Instant;
import java.util.List;

import io.mxcp.core.api.ValidationResult;

/**
 * What {@link ProjectReloader} reports about its reloads (the admin socket's {@code /status}).
 *
 * @param phase          where the reload under way is, {@link Phase#IDLE} when none is
 * @param activeRequests the endpoint calls running now, as the server counts them for its drain
 * @param last           how the last finished reload ended, or null before the first
 */
public record ReloadStatus(Phase phase, int activeRequests, Outcome last) {

    /** The steps of one reload. */
    public enum Phase {
        /** No reload under way. */
        IDLE,
        /** Reading the site and user config again. */
        READING,
        /** The server holds new calls back and waits for the running ones. */
        DRAINING,
        /** Shutting the old runtime down and starting the new one. */
        SWAPPING
    }

    /**
     * @param finished  when the reload ended
     * @param succeeded whether the new configuration serves
     * @param error     why the previous configuration kept serving, or null
     * @param skipped   the invalid endpoint files the new configuration serves without, with why
     */
    public record Outcome(Instant finished, boolean succeeded, String error, List<ValidationResult> skipped) {
        public Outcome {
            skipped = List.copyOf(skipped);
        }
    }

    public boolean inProgress() {
        return phase != Phase.IDLE;
    }

    public boolean draining() {
        return phase == Phase.DRAINING;
    }
}
