import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.duckdb.DuckDBConnection;

/**
 * DuckDB's JDBC results made whole before the first row is read (the driver's default) against streamed as they are
 * read ({@code SET jdbc_stream_results = true}, what the SQL executor sets on every pooled connection): CPU and wall
 * time per query of the load benchmark's three tools, one caller, in-process; then how long a 30-million-row query
 * takes to hand over its first 100,000 rows either way.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/1.5.6.0/duckdb_jdbc-1.5.6.0.jar
 * bench/duckdb/StreamedResults.java [rounds]}
 */
public class StreamedResults {

    private record Query(String name, String sql, String argument, int calls) {
    }

    private static final Query[] QUERIES = {
            new Query("echo", "SELECT ?::VARCHAR AS msg", "hello", 20_000),
            new Query("sum", "SELECT sum(i) AS total FROM range(?::BIGINT) t(i)", "10000", 20_000),
            new Query("top", "SELECT id, name, score FROM items ORDER BY score DESC LIMIT ?::INTEGER", "10", 2_000)};

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE items AS SELECT i AS id, 'item ' || i AS name, (i * 7919) % 100003 AS score"
                    + " FROM range(100000) t(i)");
        }
        for (int round = 0; round < rounds; round++) {
            for (boolean streamed : new boolean[] {false, true}) {
                StringBuilder line = new StringBuilder("round " + round + (streamed ? " streamed:    " : " made whole: "));
                try (Connection connection = streaming(database, streamed)) {
                    for (Query query : QUERIES) {
                        line.append(measure(connection, query));
                    }
                }
                System.out.println(line);
            }
        }
        for (boolean streamed : new boolean[] {false, true}) {
            try (Connection connection = streaming(database, streamed); Statement statement = connection.createStatement()) {
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM range(30000000)")) {
                    for (int read = 0; read < 100_000 && rows.next(); read++) {
                        rows.getLong(1);
                    }
                }
                System.out.printf("30,000,000 rows %s: first 100,000 read after %d ms%n",
                        streamed ? "streamed" : "made whole", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static Connection streaming(DuckDBConnection database, boolean streamed) throws SQLException {
        Connection connection = database.duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET jdbc_stream_results = " + streamed);
        }
        return connection;
    }

    private static String measure(Connection connection, Query query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.calls() / 4; i++) {
                run(statement, query.argument());
            }
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < query.calls(); i++) {
                run(statement, query.argument());
            }
            long wall = System.nanoTime() - start;
            long cpu = processCpuNanos() - cpuBefore;
            return String.format(" %s %.1f µs wall %.1f µs CPU;", query.name(), wall / 1e3 / query.calls(),
                    cpu / 1e3 / query.calls());
        }
    }

    private static void run(PreparedStatement statement, String argument) throws SQLException {
        statement.setString(1, argument);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
