package io.mxcp.mcp.internal.protocol;

/**
 * The level a legacy client chose with {@code logging/setLevel} for its connection or session. Until it chooses,
 * every message is sent (as the reference SDK servers do).
 */
public final class ClientLogLevel {
    private volatile LogLevel level = LogLevel.DEBUG;

    LogLevel get() {
        return level;
    }

    void set(LogLevel value) {
        level = value;
    }
}
