package io.mxcp.executor.sql.runtime;

/** The DuckDB driver's error text. */
public final class DriverMessages {

    /** What the driver puts before the real error of a statement that failed while running. */
    private static final String PENDING_QUERY_PREFIX =
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\nError: ";

    private DriverMessages() {
    }

    /** The failure's message without the prefix the driver adds for errors raised while a statement runs. */
    public static String of(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.startsWith(PENDING_QUERY_PREFIX) ? message.substring(PENDING_QUERY_PREFIX.length()) : message;
    }
}
