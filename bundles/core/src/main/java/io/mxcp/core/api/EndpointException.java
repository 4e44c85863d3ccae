package io.mxcp.core.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;

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
    private transient volatile UnaryOperator<String> redaction;

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

    /**
     * The stack trace, causes included (a Python endpoint's frames among them), as the server's log may show it:
     * redacted as {@link #loggableMessage()}. Since 1.16.
     */
    public String loggableTrace() {
        StringWriter trace = new StringWriter();
        printStackTrace(new PrintWriter(trace));
        UnaryOperator<String> redact = redaction;
        return redact == null ? trace.toString() : redact.apply(trace.toString());
    }

    /** Sets what {@link #loggableMessage()} answers; the core does so as a failed call leaves it. Since 1.12. */
    public EndpointException withLoggableMessage(String message) {
        loggableMessage = message;
        return this;
    }

    /**
     * Redacts {@link #loggableMessage()} and {@link #loggableTrace()} with {@code redaction}; the core does so as a
     * failed call leaves it. Since 1.16.
     */
    public EndpointException withLogRedaction(UnaryOperator<String> redaction) {
        this.redaction = redaction;
        return withLoggableMessage(redaction.apply(getMessage()));
    }
}
