package io.mxcp.mcp.internal.oauth.store;

/** The token store could not be read or written (the message names the file and why). */
public class OAuthStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public OAuthStoreException(String message) {
        super(message);
    }

    public OAuthStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
