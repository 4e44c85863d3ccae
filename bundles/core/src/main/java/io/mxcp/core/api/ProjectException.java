package io.mxcp.core.api;

/** A project could not be opened or used; the message names the file and field at fault. */
public class ProjectException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
