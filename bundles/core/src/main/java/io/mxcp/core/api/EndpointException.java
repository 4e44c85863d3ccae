package io.mxcp.core.api;

/**
 * An endpoint call failed. The message is the text the user sees (spec 01 appendix D), e.g.
 * {@code Endpoint 'x' not found in tools} or {@code Error validating parameter 'id': Value must be >= 1.0}.
 */
public class EndpointException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the call failed, for transports that map failures to different error shapes. */
    public enum Reason {
        /** No enabled endpoint has that name or URI. */
        NOT_FOUND,
        /** The arguments failed conversion or validation. */
        INVALID_ARGUMENTS,
        /** The endpoint ran and failed (executor, shaping, output validation, missing executor). */
        EXECUTION_FAILED,
        /** A policy rule denied the call or blocked its output (spec 03 §2). Since 1.11. */
        POLICY_DENIED
    }

    private final Reason reason;
    private volatile String loggableMessage;

    public EndpointException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EndpointException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The message as the server's log may show it: without the values the call must not show beyond its answer (its
     * arguments and result parts an endpoint marks {@code sensitive}, replaced by {@code [REDACTED]}). The message
     * itself is the caller's answer and keeps them. Since 1.12.
     */
    public String loggableMessage() {
        String loggable = loggableMessage;
        return loggable != null ? loggable : getMessage();
    }

    /** Sets what {@link #loggableMessage()} answers; the core does so as a failed call leaves it. Since 1.12. */
    public EndpointException withLoggableMessage(String message) {
        loggableMessage = message;
        return this;
    }
}
