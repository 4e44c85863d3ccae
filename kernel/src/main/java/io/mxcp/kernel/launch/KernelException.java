package io.mxcp.kernel.launch;

/** The kernel could not start or hand over the command. */
public final class KernelException extends Exception {
    private static final long serialVersionUID = 1L;

    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
