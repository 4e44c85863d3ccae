package io.mxcp.kernel.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import org.duckdb.DuckDBColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.kernel.api.ConnectionValues;
import io.mxcp.kernel.api.DuckDbDatabase;
import io.mxcp.kernel.api.SqlFunctionRoute;

class KernelDuckDbHostTest {

    @TempDir
    Path folder;

    private final KernelDuckDbHost host = new KernelDuckDbHost();

    @Test
    void routedFunctionFollowsTheNewestRouteAndReportsAbsence() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("a.duckdb"), false)) {
            SqlFunctionRoute v1 = host.route("shout", List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR,
                    args -> args[0] + "!");
            assertEquals("hi!", queryString(database, "SELECT shout('hi')"));

            SqlFunctionRoute v2 = host.route("shout", List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR,
                    args -> args[0] + "!!");
            assertEquals("hi!!", queryString(database, "SELECT shout('hi')"));

            v1.close();
            assertEquals("hi!!", queryString(database, "SELECT shout('hi')"), "closing the old route keeps the new one");

            v2.close();
            SQLException absent = assertThrows(SQLException.class, () -> queryString(database, "SELECT shout('hi')"));
            assertTrue(absent.getMessage().contains("The UDF plugin of SQL function shout is not installed"), absent.getMessage());
        }
    }

    @Test
    void aPreparedStatementSeesTheSwap() throws Exception {
        SqlFunctionRoute v1 = host.route("plugin_version", List.of(), DuckDBColumnType.VARCHAR, args -> "v1");
        try (DuckDbDatabase database = host.open(folder.resolve("e.duckdb"), false);
                Connection c = boundConnection(database);
                java.sql.PreparedStatement constantCall = c.prepareStatement("SELECT plugin_version()")) {
            assertEquals("v1", single(constantCall));
            SqlFunctionRoute v2 = host.route("plugin_version", List.of(), DuckDBColumnType.VARCHAR, args -> "v2");
            v1.close();
            assertEquals("v2", single(constantCall));
            v2.close();
            assertThrows(SQLException.class, () -> single(constantCall));
        }
    }

    @Test
    void connectionValuesAreReadWhenACachedStatementRunsAndStayWithTheirConnection() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("v.duckdb"), false);
                Connection first = database.connect();
                Connection second = database.connect();
                ConnectionValues firstValues = bound(database, first);
                ConnectionValues secondValues = bound(database, second);
                java.sql.PreparedStatement whoFirst = first.prepareStatement(
                        "SELECT " + firstValues.readExpression("'user'"));
                java.sql.PreparedStatement whoSecond = second.prepareStatement(
                        "SELECT " + secondValues.readExpression("'user'"))) {
            assertNull(single(whoFirst), "nothing set yet");
            firstValues.set(Map.of("user", "ann"));
            secondValues.set(Map.of("user", "bob"));
            assertEquals("ann", single(whoFirst));
            assertEquals("bob", single(whoSecond));

            firstValues.set(Map.of("user", "cy"));
            assertEquals("cy", single(whoFirst), "the prepared statement reads the value of the moment");
            try (Statement plain = first.createStatement();
                    ResultSet rs = plain.executeQuery("SELECT " + firstValues.readExpression("NULL") + ", "
                            + firstValues.readExpression("'user' || '_missing'"))) {
                rs.next();
                assertNull(rs.getString(1), "a NULL name reads NULL");
                assertNull(rs.getString(2), "an unset name reads NULL");
            }
            firstValues.close();
            assertNull(single(whoFirst), "closed values read NULL");
            assertEquals("bob", single(whoSecond));
        }
    }

    private static String single(java.sql.PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void functionsRoutedBeforeADatabaseOpensAreRegisteredOnIt() throws Exception {
        try (SqlFunctionRoute route = host.route("add_two", List.of(DuckDBColumnType.BIGINT, DuckDBColumnType.BIGINT),
                DuckDBColumnType.BIGINT, args -> (Long) args[0] + (Long) args[1]);
                DuckDbDatabase database = host.open(folder.resolve("b.duckdb"), false)) {
            assertEquals("5", queryString(database, "SELECT add_two(2, 3)::VARCHAR"));
        }
    }

    @Test
    void aDuckDbBuiltInCannotBeTakenOverAndStaysItself() throws Exception {
        for (String builtIn : List.of("lower", "VERSION", "json_extract")) {
            SQLException refused = assertThrows(SQLException.class, () -> host.route(builtIn,
                    List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR, args -> "HIJACKED"));
            assertEquals(builtIn + " is a DuckDB built-in function, which a plugin cannot replace",
                    refused.getMessage());
        }
        try (DuckDbDatabase database = host.open(folder.resolve("e.duckdb"), false)) {
            assertEquals("abc", queryString(database, "SELECT lower('ABC')"));
        }
    }

    @Test
    void functionsOfAnyArityAndOverloadsByTypeAndArityAreCallable() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("f.duckdb"), false);
                SqlFunctionRoute three = host.route("join_three", List.of(DuckDBColumnType.VARCHAR,
                        DuckDBColumnType.INTEGER, DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR,
                        args -> args[0] + "-" + args[1] + "-" + args[2]);
                SqlFunctionRoute one = host.route("Join_Three", List.of(DuckDBColumnType.INTEGER),
                        DuckDBColumnType.VARCHAR, args -> "int " + args[0]);
                SqlFunctionRoute oneText = host.route("join_three", List.of(DuckDBColumnType.VARCHAR),
                        DuckDBColumnType.VARCHAR, args -> "text " + args[0]);
                SqlFunctionRoute none = host.route("no_arguments", List.of(), DuckDBColumnType.VARCHAR,
                        args -> "none " + args.length)) {
            assertEquals("a-2-c", queryString(database, "SELECT join_three('a', 2, 'c')"));
            assertEquals("int 7", queryString(database, "SELECT JOIN_THREE(7)"));
            assertEquals("text x", queryString(database, "SELECT join_three('x')"));
            assertEquals("none 0", queryString(database, "SELECT no_arguments()"));
            SQLException wrongArity = assertThrows(SQLException.class,
                    () -> queryString(database, "SELECT join_three(1, 2)"));
            assertTrue(wrongArity.getMessage().contains("join_three"), wrongArity.getMessage());
        }
    }

    @Test
    void aRoutedFunctionReceivesTheCallerOfTheConnectionRunningIt() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("g.duckdb"), false);
                SqlFunctionRoute route = host.route("whose", List.of(DuckDBColumnType.BIGINT),
                        DuckDBColumnType.VARCHAR, (args, caller) -> caller + ":" + args[0]);
                Connection first = database.connect();
                Connection second = database.connect();
                ConnectionValues firstValues = database.connectionValues();
                ConnectionValues secondValues = database.connectionValues()) {
            firstValues.bind(first);
            secondValues.bind(second);
            firstValues.set(Map.of(), "ann");
            secondValues.set(Map.of(), "bob");
            // enough rows that DuckDB runs the function on its worker threads too: each row still sees its caller
            String sql = "SELECT DISTINCT split_part(whose(range), ':', 1) FROM range(300000)";
            try (Statement s = first.createStatement(); ResultSet rows = s.executeQuery(sql)) {
                assertTrue(rows.next());
                assertEquals("ann", rows.getString(1));
                assertFalse(rows.next(), "one caller only");
            }
            try (java.sql.PreparedStatement cached = second.prepareStatement("SELECT whose(1)")) {
                assertEquals("bob:1", single(cached));
                secondValues.set(Map.of(), "cy");
                assertEquals("cy:1", single(cached), "a cached statement passes the caller of the moment");
                secondValues.set(Map.of());
                assertEquals("null:1", single(cached));
            }
            try (Connection unbound = database.connect(); Statement s = unbound.createStatement()) {
                SQLException unknown = assertThrows(SQLException.class, () -> s.executeQuery("SELECT whose(1)"));
                assertTrue(unknown.getMessage().contains("whose"), "only a bound connection knows the name");
            }
        }
    }

    @Test
    void noSqlTextHoldsAKeyAndTheDatabasesOwnMacrosCannotTakeTheKernelsNames() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("h.duckdb"), false);
                SqlFunctionRoute route = host.route("whose_row", List.of(), DuckDBColumnType.VARCHAR,
                        (args, caller) -> String.valueOf(caller));
                Connection attacker = database.connect();
                Connection victim = database.connect();
                ConnectionValues victimValues = database.connectionValues()) {
            try (Statement sql = attacker.createStatement()) {
                sql.execute("CALL enable_logging('QueryLog')");
                sql.execute("CREATE MACRO main.mxcp_connection_value(k, n) AS 'forged'");
                sql.execute("CREATE MACRO main.getvariable(n) AS 42");
                sql.execute("CREATE MACRO main.mxcp_routed_whose_row(k) AS 'forged'");
            }
            victimValues.bind(victim);
            victimValues.set(Map.of("user", "ann"), "ann's call");
            try (Statement sql = victim.createStatement(); ResultSet row = sql.executeQuery(
                    "SELECT " + victimValues.readExpression("'user'") + ", whose_row()")) {
                row.next();
                assertEquals("ann", row.getString(1));
                assertEquals("ann's call", row.getString(2));
            }
            try (Statement sql = attacker.createStatement();
                    ResultSet logged = sql.executeQuery("SELECT message FROM duckdb_logs")) {
                int messages = 0;
                while (logged.next()) {
                    messages++;
                    assertFalse(logged.getString(1).matches("(?s).*\\d{12,}.*"), "a key in " + logged.getString(1));
                }
                assertTrue(messages > 3, "the victim's statements were logged");
            }
        }
    }

    @Test
    void namesOfTheServersSqlAndAnotherReturnTypeForKnownParametersAreRefused() throws Exception {
        for (String taken : List.of("mxcp_connection_value", "MXCP_helper", "get_username", "Get_Request_Header")) {
            SQLException refused = assertThrows(SQLException.class, () -> host.route(taken,
                    List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR, args -> "x"));
            assertEquals(taken + " is a name the server's own SQL uses, which a plugin cannot take",
                    refused.getMessage());
        }
        try (SqlFunctionRoute typed = host.route("typed", List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR,
                args -> "x")) {
            SQLException refused = assertThrows(SQLException.class, () -> host.route("TYPED",
                    List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.BIGINT, args -> 1L));
            assertEquals("SQL function typed[VARCHAR] returns VARCHAR until the server restarts (DuckDB cannot drop a"
                    + " function), so it cannot return BIGINT now", refused.getMessage());
            try (DuckDbDatabase database = host.open(folder.resolve("i.duckdb"), false)) {
                assertEquals("x", queryString(database, "SELECT typed('a')"), "the known function still answers");
            }
        }
    }

    @Test
    void pluginSeesNullArguments() throws Exception {
        try (DuckDbDatabase database = host.open(folder.resolve("c.duckdb"), false);
                SqlFunctionRoute route = host.route("describe_null", List.of(DuckDBColumnType.VARCHAR),
                        DuckDBColumnType.VARCHAR, args -> args[0] == null ? "was null" : "was " + args[0])) {
            assertEquals("was null", queryString(database, "SELECT describe_null(NULL)"));
        }
    }

    @Test
    void closingARouteWaitsForItsCallsAndNamesTheFunctionOfOneThatOutlastsTheDrain() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        StreamHandler capture = new StreamHandler(logged, new SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record) + "\n";
            }
        });
        Logger routes = Logger.getLogger(Route.class.getName());
        routes.addHandler(capture);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (DuckDbDatabase database = host.open(folder.resolve("s.duckdb"), false)) {
            SqlFunctionRoute slow = host.route("slow_echo", List.of(DuckDBColumnType.VARCHAR), DuckDBColumnType.VARCHAR,
                    args -> {
                        entered.countDown();
                        try {
                            finish.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return args[0];
                    });
            CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return queryString(database, "SELECT slow_echo('late')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            slow.close();
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1900), "the drain waited");
            capture.flush();
            assertEquals("SQL function slow_echo(VARCHAR) -> VARCHAR: 1 call(s) still running after the drain timeout\n",
                    logged.toString(StandardCharsets.UTF_8));
            finish.countDown();
            assertEquals("late", running.get(10, TimeUnit.SECONDS), "the call under way finishes on the old route");
        } finally {
            routes.removeHandler(capture);
        }
    }

    @Test
    void databaseIsSharedAndClosesWithItsLastHandle() throws Exception {
        Path file = folder.resolve("d.duckdb");
        DuckDbDatabase first = host.open(file, false);
        DuckDbDatabase second = host.open(file, false);
        try (Connection c = first.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT 42 AS x");
        }
        assertEquals("42", queryString(second, "SELECT x::VARCHAR FROM t"));
        first.close();
        assertEquals("42", queryString(second, "SELECT x::VARCHAR FROM t"));
        second.close();
        assertThrows(SQLException.class, second::connect);
        try (DuckDbDatabase reopened = host.open(file, true)) {
            assertEquals("42", queryString(reopened, "SELECT x::VARCHAR FROM t"));
        }
    }

    /** A connection that knows the routed functions' names, as a pooled connection does. */
    private static Connection boundConnection(DuckDbDatabase database) throws SQLException {
        Connection connection = database.connect();
        bound(database, connection);
        return connection;
    }

    private static ConnectionValues bound(DuckDbDatabase database, Connection connection) throws SQLException {
        ConnectionValues values = database.connectionValues();
        values.bind(connection);
        return values;
    }

    private static String queryString(DuckDbDatabase database, String sql) throws SQLException {
        try (Connection c = boundConnection(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String value = rs.getString(1);
            assertNull(rs.next() ? "more than one row" : null);
            return value;
        }
    }
}
