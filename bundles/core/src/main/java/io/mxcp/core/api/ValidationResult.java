package io.mxcp.core.api;

/**
 * The outcome of validating one endpoint file (spec 01 §2.11).
 *
 * @param relativePath the file, relative to the project root
 * @param message      the first failing rule's message, or null when valid
 * @param servable     whether a server may still serve the endpoint: true when it is valid, and when its only
 *                     problem is a policy condition that does not compile, which then counts as false at every call
 *                     (spec 03 §2; {@code validate} reports it, the original does not check it at all)
 */
public record ValidationResult(String relativePath, String message, boolean servable) {

    /** A result whose endpoint is servable exactly when it is valid. */
    public ValidationResult(String relativePath, String message) {
        this(relativePath, message, message == null);
    }

    public boolean valid() {
        return message == null;
    }
}
