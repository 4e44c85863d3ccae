package io.mxcp.executor.sql;

import java.util.stream.Collectors;

/** DuckDB error text as the caller should read it. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** What the driver puts before the real error of a statement that failed while running. */
    private static final String PENDING_QUERY_PREFIX =
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\nError: ";

    /**
     * The driver's message without the prefix it adds for errors raised while a statement runs, and without the Java stack frames it appends when a Java UDF throws
     * ({@code Invalid Input Error: java.lang.IllegalStateException: boom\n\tat ...}).
     */
    static String message(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (message.startsWith(PENDING_QUERY_PREFIX)) {
            message = message.substring(PENDING_QUERY_PREFIX.length());
        }
        return message.lines()
                .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... "))
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
