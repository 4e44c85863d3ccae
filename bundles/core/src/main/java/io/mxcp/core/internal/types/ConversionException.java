package io.mxcp.core.internal.types;

/**
 * A value failed conversion or validation. {@link #prefixed()} says whether the pipeline puts
 * {@code Error validating parameter '<name>': } in front: the reference does so for its own validation
 * errors, not for errors raised by date/time parsing or {@code len()} (spec 01 §3.3, §3.4).
 */
public final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean prefixed;

    private ConversionException(String message, boolean prefixed) {
        super(message);
        this.prefixed = prefixed;
    }

    /** A validation error: shown with the parameter prefix. */
    static ConversionException invalid(String message) {
        return new ConversionException(message, true);
    }

    /** A raw error of a parsing routine: shown as is. */
    static ConversionException raw(String message) {
        return new ConversionException(message, false);
    }

    public boolean prefixed() {
        return prefixed;
    }
}
