package io.mxcp.sdk.auth;

/**
 * A bearer token was checked and refused. The message says why for operators; clients only learn that the token
 * is invalid.
 *
 * @since 2.0
 */
public class InvalidTokenException extends AuthException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, "invalid_token", 401);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, "invalid_token", 401, cause);
    }
}
