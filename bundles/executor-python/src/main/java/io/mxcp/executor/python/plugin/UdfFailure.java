package io.mxcp.executor.python.plugin;

import io.mxcp.executor.python.runtime.PythonFailure;

/**
 * A UDF's failure as the SQL caller reads it. DuckDB's Java driver reports a function's exception as its printed
 * stack trace, causes included, so this one has neither: it prints as its message alone.
 */
final class UdfFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UdfFailure(String message) {
        super(message, null, false, false);
    }

    /** DuckDB's Python wording, with the UDF's name and where the exception was raised. */
    static UdfFailure raised(String function, PythonFailure failure) {
        String message = failure.message() == null || failure.message().isEmpty() ? "" : ": " + failure.message();
        return new UdfFailure("Python exception occurred while executing the UDF '" + function + "': "
                + failure.type() + message + (failure.where() == null ? "" : " (at " + failure.where() + ")"));
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
