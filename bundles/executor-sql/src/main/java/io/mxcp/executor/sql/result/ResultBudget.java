package io.mxcp.executor.sql.result;

import java.sql.SQLException;
import java.util.Locale;

/**
 * How much Java heap the rows of one query may take. A query that returns more (an ad-hoc {@code SELECT * FROM
 * range(100000000)} through {@code execute_sql_query}, a tool without a LIMIT on a grown table) fails with an error
 * naming the limit, instead of filling the heap and taking down whatever else the server was doing at that moment.
 * The rows are copied at least once more on their way out (typed result, JSON), so the share is kept small.
 */
public final class ResultBudget {

    /** The share of the JVM's maximum heap one result may take. */
    private static final int HEAP_SHARE_DIVISOR = 8;

    private final long limitBytes;
    private final String limitSource;

    /** @param limitSource where the limit comes from, as the error names it */
    public ResultBudget(long limitBytes, String limitSource) {
        this.limitBytes = limitBytes;
        this.limitSource = limitSource;
    }

    /** An eighth of the heap the JVM may grow to ({@code -Xmx}, through {@code MXCP_JAVA_OPTS}). */
    public static ResultBudget ofHeap() {
        return new ResultBudget(Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR,
                "an eighth of the server's Java heap; -Xmx in MXCP_JAVA_OPTS sets the heap");
    }

    /** The running total of one reading of rows. */
    Reading start() {
        return new Reading();
    }

    final class Reading {

        private long bytes;
        private long rows;

        /** Counts one more row of that many bytes ({@link Footprint}). */
        void add(long rowBytes) throws SQLException {
            bytes += rowBytes;
            rows++;
            if (bytes > limitBytes) {
                throw new ResultTooLargeException(String.format(Locale.ROOT,
                        "Result too large: its first %,d rows already take more than the %s of memory one result "
                                + "may take (%s); narrow the query with WHERE, LIMIT or aggregates",
                        rows, megabytes(limitBytes), limitSource));
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.max(1, bytes / (1024 * 1024)));
    }

    /** A result that passed its budget; a {@link SQLException} so that it reads like the query's other failures. */
    public static final class ResultTooLargeException extends SQLException {
        ResultTooLargeException(String message) {
            super(message);
        }
    }
}
