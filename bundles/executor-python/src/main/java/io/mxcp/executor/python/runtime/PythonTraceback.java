package io.mxcp.executor.python.runtime;

/**
 * A Python failure's traceback as a Java stack trace, so that a trace printed for the failure ({@code --debug})
 * shows the Python frames that raised it, innermost first: {@code at <python>.raw_decode(json/decoder.py:354)}.
 * The polyglot exception it stands in for shows only the bridge's frame. The exception it was raised from is its
 * cause, printed after it as Java prints causes (Python prints it first); an exception group's members are its
 * suppressed exceptions.
 */
final class PythonTraceback extends Exception {
    private static final long serialVersionUID = 1L;

    PythonTraceback(PythonFailure failure) {
        super(failure.message() == null || failure.message().isEmpty() ? failure.type()
                : failure.type() + ": " + failure.message(),
                failure.cause() == null ? null : new PythonTraceback(failure.cause()), true, true);
        setStackTrace(failure.traceback().toArray(StackTraceElement[]::new));
        failure.group().forEach(member -> addSuppressed(new PythonTraceback(member)));
    }

    /** Python's last traceback line ({@code KeyError: 'missing'}), not this class's name. */
    @Override
    public String toString() {
        return getMessage();
    }
}
