package io.mxcp.mcp.internal.oauth;

/**
 * An OAuth error answer: the error code (RFC 6749 §5.2 and friends), a description for the client (never a token,
 * secret or upstream body) and the HTTP status.
 */
public final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    public OAuthError(int status, String error, String description) {
        super(description);
        this.error = error;
        this.status = status;
    }

    static OAuthError badRequest(String error, String description) {
        return new OAuthError(400, error, description);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}
