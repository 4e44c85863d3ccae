package io.mxcp.sdk.auth;

/** An upstream authorization step failed; the message is shown to operators and, trimmed, to clients. */
public class AuthException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthException(String message) {
        super(message);
    }

    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
