package io.mxcp.sdk.telemetry;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One span of a trace. A span is used by one thread at a time; setting an attribute again replaces its value, and
 * a null value is ignored.
 */
@ConsumerType
public interface TelemetrySpan {

    /** Whether this span is recorded; when false, callers may skip working out its attributes. */
    boolean recording();

    void setAttribute(String key, String value);

    void setAttribute(String key, long value);

    void setAttribute(String key, boolean value);

    void setAttribute(String key, List<String> value);

    /**
     * Records an exception escaping the span and marks the span failed, with the exception's message. The core calls
     * {@link #recordError(String, String)} since 1.2; this one stays for backends built against 1.1.
     */
    void recordError(Throwable error);

    /**
     * Records an error escaping the span and marks the span failed. The message is what the server's records may
     * show: the core has taken out of it the values the call must not show beyond its answer (its arguments and result
     * parts an endpoint marks {@code sensitive}).
     *
     * @param type    the error's class name
     * @param message the error's message, or null
     * @since 1.2
     */
    default void recordError(String type, String message) {
        recordError(new RuntimeException(message == null ? type : type + ": " + message));
    }

    /** The trace's id, 32 lower-case hex digits (also once ended), or null when tracing is off. */
    String traceId();

    /** Ends the span; it is exported with what was set on it until then. */
    void end();
}
