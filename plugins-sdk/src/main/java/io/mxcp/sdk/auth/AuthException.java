package io.mxcp.sdk.auth;

/**
 * An authorization step failed. The message is for operators (never an upstream body or a token); clients get
 * {@link #error()} and a short description.
 */
public class AuthException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    /** A failure whose cause is on the server's side or unknown: {@code server_error}, 500. */
    public AuthException(String message) {
        this(message, "server_error", 500);
    }

    public AuthException(String message, Throwable cause) {
        super(message, cause);
        this.error = "server_error";
        this.status = 500;
    }

    /**
     * @param error  the OAuth error code the server answers with ({@code invalid_grant}, ...)
     * @param status the HTTP status the server answers with
     * @since 2.0
     */
    public AuthException(String message, String error, int status) {
        super(message);
        this.error = error;
        this.status = status;
    }

    /** @since 2.0 */
    public AuthException(String message, String error, int status, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.status = status;
    }

    /** The OAuth error code for the client. @since 2.0 */
    public String error() {
        return error;
    }

    /** The HTTP status for the client. @since 2.0 */
    public int status() {
        return status;
    }
}
