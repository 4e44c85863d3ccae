package io.mxcp.executor.sql;

import java.util.stream.Collectors;

/** DuckDB error text as the caller should read it. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * The driver's message without the Java stack frames it appends when a Java UDF throws
     * ({@code Invalid Input Error: java.lang.IllegalStateException: boom\n\tat ...}).
     */
    static String message(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.lines()
                .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... "))
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
