package io.mxcp.sdk.model;

/** A model could not be opened or did not answer. The message is for the user running the evals. */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
