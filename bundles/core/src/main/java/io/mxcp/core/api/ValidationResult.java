package io.mxcp.core.api;

/**
 * The outcome of validating one endpoint file (spec 01 §2.11).
 *
 * @param relativePath the file, relative to the project root
 * @param message      the first failing rule's message, or null when valid
 */
public record ValidationResult(String relativePath, String message) {

    public boolean valid() {
        return message == null;
    }
}
