package io.mxcp.kernel.duckdb;

/**
 * Thrown into DuckDB when a routed function has no implementation. DuckDB reports a Java UDF failure as the
 * exception's {@code toString()}, so this one renders as its message alone: the caller reads
 * "The UDF plugin of SQL function x is not installed", not a Java class name.
 */
final class PluginNotInstalledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PluginNotInstalledException(String functionName) {
        super("The UDF plugin of SQL function " + functionName + " is not installed");
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
