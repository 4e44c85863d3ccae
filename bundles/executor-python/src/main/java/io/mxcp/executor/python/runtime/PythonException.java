package io.mxcp.executor.python.runtime;

/** Python code raised (or could not be compiled); {@link #failure()} says what and where. */
public final class PythonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PythonFailure failure;

    PythonException(PythonFailure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.failure = failure;
    }

    public PythonFailure failure() {
        return failure;
    }
}
