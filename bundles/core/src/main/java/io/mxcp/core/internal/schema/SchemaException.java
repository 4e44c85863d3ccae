package io.mxcp.core.internal.schema;

/**
 * The first validation issue of a config or definition file, rendered as spec 01 §0.4 asks:
 * {@code <dotted.location>: <message>}, or just the message at the root.
 */
public final class SchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    public SchemaException(String location, String detail) {
        super(location == null || location.isEmpty() ? detail : location + ": " + detail);
    }

    /** A custom model rule, worded like pydantic's {@code ValueError}. */
    public static SchemaException valueError(String location, String text) {
        return new SchemaException(location, "Value error, " + text);
    }
}
