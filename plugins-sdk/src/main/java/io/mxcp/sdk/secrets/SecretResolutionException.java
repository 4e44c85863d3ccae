package io.mxcp.sdk.secrets;

/** A secret reference could not be resolved; the message names the reference (never the secret). */
public class SecretResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public SecretResolutionException(String message) {
        super(message);
    }

    public SecretResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
