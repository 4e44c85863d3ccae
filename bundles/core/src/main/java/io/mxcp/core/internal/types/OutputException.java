package io.mxcp.core.internal.types;

/** A result did not fit its return type; the message is the user-facing text (spec 01 §3.5, §3.6). */
public final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
