package io.mxcp.sdk.exec;

/** An endpoint failed while running; the message is what the caller sees (e.g. {@code Failed to execute SQL: ...}). */
public class EndpointExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public EndpointExecutionException(String message) {
        super(message);
    }

    public EndpointExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
