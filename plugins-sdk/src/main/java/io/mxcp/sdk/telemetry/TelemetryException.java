package io.mxcp.sdk.telemetry;

/** Telemetry cannot start with the settings given; the message names the setting and what is wrong with it. */
public class TelemetryException extends Exception {

    private static final long serialVersionUID = 1L;

    public TelemetryException(String message) {
        super(message);
    }

    public TelemetryException(String message, Throwable cause) {
        super(message, cause);
    }
}
