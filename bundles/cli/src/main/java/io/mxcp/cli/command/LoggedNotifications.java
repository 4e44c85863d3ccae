package io.mxcp.cli.command;

import java.lang.System.Logger.Level;

import io.mxcp.cli.output.Json;
import io.mxcp.sdk.exec.CallNotifications;

/**
 * An endpoint's progress and log messages under a command line, where there is no MCP client to send them to: they
 * go to the process log (standard error; spec 01 §5.7, 04 §5). Progress is logged at info as
 * {@code [cli progress] <progress>/<total> <message>}, a log message at its own level, so the default level
 * (warning) shows warnings and errors and {@code --debug} shows everything.
 */
final class LoggedNotifications implements CallNotifications {

    /** The logger of messages that name none, and of progress: the Python runtime's {@code mxcp.*} calls. */
    static final String DEFAULT_LOGGER = "mxcp.runtime";

    private static final System.Logger PROGRESS = System.getLogger(DEFAULT_LOGGER);

    @Override
    public void progress(double progress, Double total, String message) {
        if (!PROGRESS.isLoggable(Level.INFO)) {
            return;
        }
        StringBuilder line = new StringBuilder("[cli progress] ").append(number(progress));
        if (total != null) {
            line.append('/').append(number(total));
        }
        if (message != null) {
            line.append(' ').append(message);
        }
        PROGRESS.log(Level.INFO, line.toString());
    }

    @Override
    public void log(String level, String logger, Object data) {
        System.Logger target = System.getLogger(logger == null ? DEFAULT_LOGGER : logger);
        Level logLevel = level(level);
        if (target.isLoggable(logLevel)) {
            target.log(logLevel, data instanceof String text ? text : Json.compact(data));
        }
    }

    /** An MCP/syslog level as the nearest logger level; an unknown one is logged at info. */
    static Level level(String mcpLevel) {
        return switch (mcpLevel == null ? "" : mcpLevel) {
            case "debug" -> Level.DEBUG;
            case "warning" -> Level.WARNING;
            case "error", "critical", "alert", "emergency" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    /** 3 rather than 3.0: the amounts are usually counts. */
    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
