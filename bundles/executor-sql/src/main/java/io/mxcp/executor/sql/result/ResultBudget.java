package io.mxcp.executor.sql.result;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much Java heap the rows of one query may take. A query that returns more (an ad-hoc {@code SELECT * FROM
 * range(100000000)} through {@code execute_sql_query}, a tool without a LIMIT on a grown table) fails with an error
 * naming the limit, instead of filling the heap and taking down whatever else the server was doing at that moment.
 * The rows are copied at least once more on their way out (typed result, JSON), so the share is kept small. The
 * results being read at the same moment share a second limit, a quarter of the heap: each is copied a few times more
 * on its way out, and eight calls of a result just under its own limit each filled a 1 GB heap together.
 */
public final class ResultBudget {

    /** The share of the JVM's maximum heap one result may take. */
    private static final int HEAP_SHARE_DIVISOR = 8;
    /** How many results at their own limit may be read at once. */
    private static final int TOGETHER = 2;
    private static final String HEAP_SOURCE = "-Xmx in MXCP_JAVA_OPTS sets the heap";

    private final long limitBytes;
    private final String limitSource;
    private final long togetherLimitBytes;
    private final AtomicLong readingBytes = new AtomicLong();
    /** Taken by a reading that found the readings together over their limit, to decide whether it gives way. */
    private final Object overLimit = new Object();

    /** @param limitSource where the limit comes from, as the error names it */
    public ResultBudget(long limitBytes, String limitSource) {
        this(limitBytes, limitSource, Long.MAX_VALUE);
    }

    ResultBudget(long limitBytes, String limitSource, long togetherLimitBytes) {
        this.limitBytes = limitBytes;
        this.limitSource = limitSource;
        this.togetherLimitBytes = togetherLimitBytes;
    }

    /**
     * An eighth of the heap the JVM may grow to ({@code -Xmx}, through {@code MXCP_JAVA_OPTS}); a quarter for all
     * together.
     */
    public static ResultBudget ofHeap() {
        long limit = Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR;
        return new ResultBudget(limit, "an eighth of the server's Java heap; " + HEAP_SOURCE, limit * TOGETHER);
    }

    /** The running total of one reading of rows; closed when its rows are read (or the reading failed). */
    Reading start() {
        return new Reading();
    }

    final class Reading implements AutoCloseable {

        private long bytes;
        private long rows;

        /**
         * Counts one more row of that many bytes ({@link Footprint}). When the readings together pass their limit, the
         * first to find so is refused and gives its share back at once, under a lock the others then take: readings
         * that grow side by side would otherwise all be refused together, each by the shares of the others.
         */
        void add(long rowBytes) throws SQLException {
            bytes += rowBytes;
            rows++;
            if (bytes > limitBytes) {
                bytes -= rowBytes; // not counted in the readings together yet
                close();
                throw new ResultTooLargeException(String.format(Locale.ROOT,
                        "Result too large: its first %,d rows already take more than the %s of memory one result "
                                + "may take (%s); narrow the query with WHERE, LIMIT or aggregates",
                        rows, megabytes(limitBytes), limitSource));
            }
            long together = readingBytes.addAndGet(rowBytes);
            if (together > togetherLimitBytes) {
                synchronized (overLimit) {
                    together = readingBytes.get(); // a reading refused a moment ago may have made room
                    if (together > togetherLimitBytes) {
                        refuseTogether();
                    }
                }
            }
        }

        private void refuseTogether() throws ResultTooLargeException {
            String taken = megabytes(bytes);
            close();
            throw new ResultTooLargeException(String.format(Locale.ROOT,
                    "Result too large for now: its first %,d rows (%s) and the results other calls are reading at "
                            + "the same moment take more than the %s of memory the server's results may take "
                            + "together (a quarter of its Java heap; %s); narrow the query with WHERE, LIMIT or "
                            + "aggregates, or call again when fewer large calls run",
                    rows, taken, megabytes(togetherLimitBytes), HEAP_SOURCE));
        }

        @Override
        public void close() {
            readingBytes.addAndGet(-bytes);
            bytes = 0;
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
