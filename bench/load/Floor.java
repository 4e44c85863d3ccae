import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;

/**
 * The floor of the load benchmark: the three benchmark queries run in-process over DuckDB JDBC with one reused
 * PreparedStatement each, no HTTP and no MCP; first one caller (the latency floor), then C callers on connections of
 * the same database, as a server's pool has them (the ceiling of calls/s and CPU per call no server can pass on this
 * machine). Also creates the benchmark's data (table {@code items},
 * 100,000 rows) in the database file when it is missing, so every server reads the same data.
 *
 * <p>Usage: {@code java -cp duckdb_jdbc.jar Floor.java <db-file> <warm-up s> <measure s> <msg> <sum n> <top n> <C>}.
 * Prints two lines per query: {@code floor <tool> <calls/s> <p50 ms> <p99 ms>} (one caller) and
 * {@code floor-concurrent <tool> <C> <calls/s> <cpu ms/call>}.
 */
public class Floor {
    /** The benchmark's table; score is a pseudo-random spread so ORDER BY score is a real top-n. */
    static final String CREATE_ITEMS = """
            CREATE TABLE IF NOT EXISTS items AS
            SELECT i::INTEGER AS id, 'item-' || i AS name, (hash(i) % 1000000)::INTEGER AS score
            FROM range(100000) t(i)""";

    record Query(String tool, String sql, Object argument) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: Floor <db-file> <warm-up s> <measure s> <msg> <sum n> <top n> <C>");
        }
        double warmUp = Double.parseDouble(args[1]);
        double measure = Double.parseDouble(args[2]);
        int callers = Integer.parseInt(args[6]);
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
                concurrent(connection, query, callers, warmUp, measure);
            }
        }
    }

    /** Runs the query on C callers at once, each on its own connection of the database, and prints the figures. */
    static void concurrent(Connection connection, Query query, int callers, double warmUp, double measure)
            throws Exception {
        AtomicLong calls = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Connection own = ((DuckDBConnection) connection).duplicate();
            connections.add(own);
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try (PreparedStatement prepared = own.prepareStatement(query.sql())) {
                    prepared.setObject(1, query.argument());
                    while (!Thread.currentThread().isInterrupted()) {
                        readAll(prepared);
                        calls.incrementAndGet();
                    }
                } catch (SQLException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep((long) (warmUp * 1000));
        long cpu = os.getProcessCpuTime();
        long before = calls.get();
        long start = System.nanoTime();
        Thread.sleep((long) (measure * 1000));
        long done = calls.get() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = os.getProcessCpuTime() - cpu;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join();
        }
        for (Connection own : connections) {
            own.close();
        }
        System.out.printf(Locale.ROOT, "floor-concurrent %s %d %.0f %.3f%n", query.tool(), callers, done / seconds,
                cpu / 1e6 / done);
    }

    /** Runs the statement back to back for the given seconds, reading every cell; returns each call's nanoseconds. */
    static long[] run(PreparedStatement prepared, double seconds) throws SQLException {
        long[] latencies = new long[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long now = System.nanoTime();
        while (now < end) {
            readAll(prepared);
            long done = System.nanoTime();
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = done - now;
            now = done;
        }
        return Arrays.copyOf(latencies, count);
    }

    /** Runs the statement once and reads every cell, as a server turning rows into a result does. */
    static void readAll(PreparedStatement prepared) throws SQLException {
        try (ResultSet rows = prepared.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    rows.getObject(column);
                }
            }
        }
    }

    static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }
}
