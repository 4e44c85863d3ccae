package io.mxcp.core.internal.types;

/** The arguments of a call failed validation; the message is the user-facing text (spec 01 §3.3). */
public final class InvalidArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}
