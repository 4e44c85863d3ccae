import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The floor of the load benchmark: the three benchmark queries run in-process over DuckDB JDBC with one reused
 * PreparedStatement each, one caller, no HTTP and no MCP. Also creates the benchmark's data (table {@code items},
 * 100,000 rows) in the database file when it is missing, so every server reads the same data.
 *
 * <p>Usage: {@code java -cp duckdb_jdbc.jar Floor.java <db-file> <warm-up s> <measure s> <msg> <sum n> <top n>}.
 * Prints one line per query: {@code floor <tool> <calls/s> <p50 ms> <p99 ms>}.
 */
public class Floor {
    /** The benchmark's table; score is a pseudo-random spread so ORDER BY score is a real top-n. */
    static final String CREATE_ITEMS = """
            CREATE TABLE IF NOT EXISTS items AS
            SELECT i::INTEGER AS id, 'item-' || i AS name, (hash(i) % 1000000)::INTEGER AS score
            FROM range(100000) t(i)""";

    record Query(String tool, String sql, Object argument) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: Floor <db-file> <warm-up s> <measure s> <msg> <sum n> <top n>");
        }
        double warmUp = Double.parseDouble(args[1]);
        double measure = Double.parseDouble(args[2]);
        Query[] queries = {
            new Query("echo", "SELECT ? AS msg", args[3]),
            new Query("sum", "SELECT sum(i) AS s FROM range(?) t(i)", Long.parseLong(args[4])),
            new Query("top", "SELECT * FROM items ORDER BY score DESC LIMIT ?", Long.parseLong(args[5])),
        };
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_ITEMS);
                statement.execute("CHECKPOINT");
            }
            for (Query query : queries) {
                try (PreparedStatement prepared = connection.prepareStatement(query.sql())) {
                    prepared.setObject(1, query.argument());
                    run(prepared, warmUp);
                    long[] latencies = run(prepared, measure);
                    Arrays.sort(latencies);
                    double seconds = Arrays.stream(latencies).sum() / 1e9;
                    System.out.printf(Locale.ROOT, "floor %s %.0f %.3f %.3f%n", query.tool(), latencies.length / seconds,
                            percentile(latencies, 0.50), percentile(latencies, 0.99));
                }
            }
        }
    }

    /** Runs the statement back to back for the given seconds, reading every cell; returns each call's nanoseconds. */
    static long[] run(PreparedStatement prepared, double seconds) throws SQLException {
        long[] latencies = new long[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long now = System.nanoTime();
        while (now < end) {
            try (ResultSet rows = prepared.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                }
            }
            long done = System.nanoTime();
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = done - now;
            now = done;
        }
        return Arrays.copyOf(latencies, count);
    }

    static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }
}
