package io.mxcp.sdk.exec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Messages an endpoint sends to its caller while it runs: progress and log records. In server mode they become
 * MCP {@code notifications/progress} (only when the request asked for progress) and {@code notifications/message}
 * (only at or above the level the client chose); under the CLI they go to the log.
 */
@ProviderType
public interface CallNotifications {

    /**
     * Reports how far the call is.
     *
     * @param progress the amount done so far; increases with every report
     * @param total    the amount to do, or null when unknown
     * @param message  a short description, or null
     */
    void progress(double progress, Double total, String message);

    /**
     * Sends a log record.
     *
     * @param level  an MCP/syslog level: {@code debug, info, notice, warning, error, critical, alert, emergency}
     * @param logger the logger name, or null
     * @param data   a JSON-ready value (string, number, boolean, list, map) or null
     */
    void log(String level, String logger, Object data);

    /** Notifications nobody receives. */
    static CallNotifications none() {
        return Discarded.INSTANCE;
    }
}
