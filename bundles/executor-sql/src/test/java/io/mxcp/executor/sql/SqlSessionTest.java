package io.mxcp.executor.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBColumnType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.executor.sql.memory.MemoryGauge;
import io.mxcp.executor.sql.memory.MemoryGuard;
import io.mxcp.executor.sql.memory.MemoryReading;
import io.mxcp.executor.sql.result.ResultBudget;
import io.mxcp.executor.sql.runtime.DuckDbRuntime;
import io.mxcp.kernel.api.SqlFunctionRoute;
import io.mxcp.kernel.duckdb.KernelDuckDbHost;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutorSession;

class SqlSessionTest {

    @TempDir
    Path dir;

    private final KernelDuckDbHost host = new KernelDuckDbHost();
    private final SqlExecutor executor = new SqlExecutor(host);
    private ExecutorSession session;

    @BeforeEach
    void open() throws Exception {
        session = executor.open(TestProject.at(dir.resolve("db/test.duckdb")));
    }

    @AfterEach
    void close() {
        try {
            session.close();
        } finally {
            executor.stop();
        }
    }

    private static EndpointSource sql(String code) {
        return new EndpointSource("tool", "t", "sql", code, null, Path.of("tools/t.yml"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(String code, Map<String, Object> arguments) throws EndpointExecutionException {
        return (List<Map<String, Object>>) session.execute(sql(code), arguments, TestContext.none());
    }

    /** A row as the executor returns it, from column names and values in turn; equal maps also agree on nulls. */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void createsTheParentFolderAndReturnsRows() throws Exception {
        assertTrue(Files.exists(dir.resolve("db/test.duckdb")));
        assertEquals(List.of(Map.of("msg", "hello")), run("SELECT $msg AS msg", Map.of("msg", "hello")));
    }

    @Test
    void hostileValuesStayData() throws Exception {
        run("CREATE TABLE x(v VARCHAR)", Map.of());
        String hostile = "'; DROP TABLE x; --";
        run("INSERT INTO x VALUES ($v)", Map.of("v", hostile));
        assertEquals(List.of(Map.of("v", hostile)), run("SELECT v FROM x WHERE v = $V", Map.of("v", hostile)));
    }

    @Test
    void bindsJavaValuesWithTheReferenceTypes() throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("s", "x");
        arguments.put("i", 5L);
        arguments.put("big", 5_000_000_000L);
        arguments.put("d", 1.5);
        arguments.put("b", true);
        arguments.put("n", null);
        arguments.put("date", LocalDate.of(2024, 1, 2));
        arguments.put("time", LocalTime.of(1, 2, 3));
        arguments.put("ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        arguments.put("tz", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        arguments.put("list", List.of(1, 2));
        arguments.put("empty", List.of());
        arguments.put("struct", row("x", "1", "y", List.of(1)));
        String query = "SELECT " + String.join(", ", arguments.keySet().stream()
                .map(name -> "typeof($" + name + ") AS " + name).toList());
        assertEquals(row("s", "VARCHAR", "i", "INTEGER", "big", "BIGINT", "d", "DOUBLE", "b", "BOOLEAN", "n", "\"NULL\"",
                "date", "DATE", "time", "TIME", "ts", "TIMESTAMP", "tz", "TIMESTAMP WITH TIME ZONE", "list", "INTEGER[]",
                "empty", "\"NULL\"[]", "struct", "STRUCT(x VARCHAR, y INTEGER[])"), run(query, arguments).getFirst());
    }

    @Test
    void dateParametersWorkWithDateFunctions() throws Exception {
        assertEquals("January 02, 2024",
                run("SELECT strftime($date, '%B %d, %Y') AS s", Map.of("date", LocalDate.of(2024, 1, 2))).getFirst().get("s"));
    }

    @Test
    void missingAndExcessParametersGiveDuckDbMessages() {
        var missing = assertThrows(EndpointExecutionException.class, () -> run("SELECT $a, $b", Map.of("a", 1)));
        assertEquals("Failed to execute SQL: Invalid Input Error: Values were not provided for the following "
                + "prepared statement parameters: b", missing.getMessage());
        var excess = assertThrows(EndpointExecutionException.class, () -> run("SELECT $a", Map.of("a", 1, "b", 2)));
        assertEquals("Failed to execute SQL: Invalid Input Error: Parameter argument/count mismatch, identifiers "
                + "of the excess parameters: b", excess.getMessage());
    }

    @Test
    void multiStatementSqlRunsEveryStatementAndReturnsTheLastRows() throws Exception {
        List<Map<String, Object>> rows = run("CREATE TABLE m(a INT); INSERT INTO m VALUES (1), (2);"
                + " SELECT a FROM m WHERE a > $min ORDER BY a", Map.of("min", 1));
        assertEquals(List.of(Map.of("a", 2)), rows);
    }

    @Test
    void parametersOutsideTheLastStatementAreRejected() {
        var error = assertThrows(EndpointExecutionException.class,
                () -> run("SELECT $a; SELECT 1", Map.of("a", 1)));
        assertTrue(error.getMessage().startsWith(
                "Failed to execute SQL: Not implemented Error: Prepared parameters are only supported for the last statement"),
                error.getMessage());
    }

    @Test
    void dmlCountsRowsAndDdlReturnsNothing() throws Exception {
        assertEquals(List.of(), run("CREATE TABLE d(a INT)", Map.of()));
        assertEquals(List.of(Map.of("Count", 2L)), run("INSERT INTO d VALUES (1), (2)", Map.of()));
        assertEquals(List.of(Map.of("a", 1), Map.of("a", 2)), run("UPDATE d SET a = a RETURNING a", Map.of()));
    }

    @Test
    void duckDbErrorsNameTheFailure() {
        var error = assertThrows(EndpointExecutionException.class, () -> run("SELECT * FROM missing_table", Map.of()));
        assertTrue(error.getMessage().startsWith("Failed to execute SQL: Catalog Error: Table with name missing_table"),
                error.getMessage());
    }

    @Test
    void mapsScalarTypesWithTheReferenceQuirks() throws Exception {
        Map<String, Object> row = run("SELECT 1::TINYINT t, 2::SMALLINT s, 3 i, 4::BIGINT b, 5::HUGEINT h, 6::UBIGINT u,"
                + " 0.1::FLOAT f, 2.25::DECIMAL(10,2) dc, NULL::DOUBLE nd, NULL::DECIMAL(5,1) ndec, NULL::INTEGER ni,"
                + " true bo, 'v' vc, 'a'::ENUM('a','b') en, '[1]'::JSON js", Map.of()).getFirst();
        assertEquals(row("t", 1, "s", 2, "i", 3, "b", 4L, "h", 5.0, "u", BigInteger.valueOf(6), "f", 0.1, "dc", 2.25,
                "nd", null, "ndec", null, "ni", null, "bo", true, "vc", "v", "en", "a", "js", "[1]"), row);
    }

    @Test
    void mapsTemporalTypesWithTheReferenceQuirks() throws Exception {
        Map<String, Object> row = run("SELECT DATE '2024-01-02' d, TIMESTAMP '2024-01-02 03:04:05.123' ts,"
                + " TIMESTAMPTZ '2024-01-02 03:04:05+02' tz, TIME '01:02:03.5' t, INTERVAL 90 MINUTE iv,"
                + " INTERVAL '1 month 2 days' iv2", Map.of()).getFirst();
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), row.get("d"));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), row.get("ts"));
        OffsetDateTime tz = (OffsetDateTime) row.get("tz");
        assertEquals(OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 0, ZoneOffset.UTC).toInstant(), tz.toInstant());
        assertEquals(ZoneId.systemDefault().getRules().getOffset(tz.toInstant()), tz.getOffset());
        assertEquals(LocalTime.of(1, 2, 3, 500_000_000), row.get("t"));
        assertEquals(Duration.ofMinutes(90), row.get("iv"));
        assertEquals(Duration.ofDays(32), row.get("iv2"));
    }

    @Test
    void mapsNestedTypes() throws Exception {
        Map<String, Object> row = run("SELECT [1, 2] l, [DATE '2024-01-01'] ld, {'x': 1, 'd': DATE '2024-01-01', 'l': [1]} st,"
                + " MAP {'k': 1} m, [{'a': 1}] ls, [1, 2]::INTEGER[2] arr, NULL::INTEGER[] nl", Map.of()).getFirst();
        assertEquals(List.of(1, 2), row.get("l"));
        assertEquals(List.of(LocalDateTime.of(2024, 1, 1, 0, 0)), row.get("ld"));
        Map<String, Object> struct = row("x", 1, "d", LocalDate.of(2024, 1, 1), "l", List.of(1));
        assertEquals(struct, row.get("st"));
        assertEquals(List.copyOf(struct.keySet()), List.copyOf(((Map<?, ?>) row.get("st")).keySet()));
        assertEquals(Map.of("k", 1), row.get("m"));
        assertEquals(List.of(Map.of("a", 1)), row.get("ls"));
        assertEquals(List.of(1, 2), row.get("arr"));
        assertNull(row.get("nl"));
    }

    @Test
    void mapsUuidAndBlob() throws Exception {
        Map<String, Object> row = run("SELECT '8c82b9fc-7b96-40ec-9ff4-aa393ac11baf'::UUID u, 'ab'::BLOB b", Map.of()).getFirst();
        assertEquals(UUID.fromString("8c82b9fc-7b96-40ec-9ff4-aa393ac11baf"), row.get("u"));
        assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) row.get("b"));
    }

    @Test
    void deduplicatesColumnNames() throws Exception {
        assertEquals(List.of("a", "a_1", "A_2"), List.copyOf(run("SELECT 1 a, 2 a, 3 A", Map.of()).getFirst().keySet()));
    }

    @Test
    void builtInFunctionsSeeTheCaller() throws Exception {
        String query = "SELECT get_username() u, get_user_email() e, get_user_provider() p, get_user_external_token() t,"
                + " get_request_header('authorization') h, get_request_header('Authorization') hc,"
                + " get_request_header(NULL) hn, get_request_header('x-name') x, get_request_header('a/b~c') s,"
                + " get_request_headers_json() j";
        UserContext alice = new UserContext("1", "alice", "", null, null, "github", List.of(), "tok'en", Map.of());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "Bearer x");
        headers.put("x-name", "J\u00f6rg \"q\"");
        headers.put("a/b~c", "odd name");
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) session.execute(sql(query), Map.of(),
                new TestContext(alice, headers))).getFirst();
        assertEquals("alice", row.get("u"));
        assertNull(row.get("e"), "empty values count as absent");
        assertEquals("github", row.get("p"));
        assertEquals("tok'en", row.get("t"));
        assertEquals("Bearer x", row.get("h"));
        assertNull(row.get("hc"), "header lookup is case-sensitive");
        assertNull(row.get("hn"));
        assertEquals("J\u00f6rg \"q\"", row.get("x"), "escaped characters come back decoded");
        assertEquals("odd name", row.get("s"), "'/' and '~' in a name are looked up literally");
        assertEquals("{\"authorization\": \"Bearer x\", \"x-name\": \"J\\u00f6rg \\\"q\\\"\", \"a/b~c\": \"odd name\"}",
                row.get("j"));

        Map<String, Object> anonymous = run(query, Map.of()).getFirst();
        assertTrue(anonymous.values().stream().allMatch(value -> value == null), anonymous.toString());
    }

    @Test
    void builtInFunctionsFollowTheCallerAcrossCallsOfACachedStatement() throws Exception {
        // also through a view: a statement whose plan inlined the first caller would show one user another's rows
        run("CREATE OR REPLACE VIEW current_caller AS SELECT get_username() AS u", Map.of());
        for (String query : List.of("SELECT get_username() AS u", "SELECT u FROM current_caller")) {
            for (String name : List.of("ann", "bob", "ann")) {
                UserContext user = new UserContext(name, name, null, null, null, "cli", List.of(), null, Map.of());
                assertEquals(List.of(Map.of("u", name)), session.execute(sql(query), Map.of(),
                        new TestContext(user, Map.of("x-request", name))), query);
            }
        }
    }

    @Test
    void adHocSqlCannotReadAnotherCallersValuesNorChangeWhatLaterCallsSee() throws Exception {
        // alice's call holds its connection until released, inside a plugin function
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UserContext alice = new UserContext("1", "alice", null, null, null, "github", List.of(), "alice-token", Map.of());
        try (SqlFunctionRoute hold = host.route("hold_call", List.of(), DuckDBColumnType.BOOLEAN, arguments -> {
            inCall.countDown();
            return awaitQuietly(release);
        })) {
            Future<Object> aliceCall = Executors.newVirtualThreadPerTaskExecutor().submit(() -> session.execute(
                    sql("SELECT get_username() AS u, hold_call() AS held"), Map.of(),
                    new TestContext(alice, Map.of("authorization", "Bearer alice"))));
            assertTrue(inCall.await(30, TimeUnit.SECONDS));
            try {
                // meanwhile a caller of execute_sql_query who knows how the caller functions work looks for her values
                adHoc("CALL enable_logging('QueryLog')");
                adHoc("CREATE MACRO main.mxcp_connection_value(k, n) AS 'forged'");
                adHoc("CREATE MACRO main.getvariable(n) AS 1");
                String keysSeen = adHoc("SELECT string_agg(message, ' | ') AS m FROM duckdb_logs").toString()
                        + adHoc("SELECT string_agg(macro_definition, ' | ') AS m FROM duckdb_functions() "
                                + "WHERE function_name LIKE 'get_%'");
                assertFalse(keysSeen.matches("(?s).*\\d{12,}.*"), "no log line or macro holds a key: " + keysSeen);
                assertEquals(List.of(row("u", null)), adHoc("SELECT get_username() AS u"));
            } finally {
                release.countDown();
            }
            assertEquals(List.of(row("u", "alice", "held", true)), aliceCall.get(30, TimeUnit.SECONDS));
        }

        // ... nor shadows a caller function for whoever comes next on the same connection
        adHoc("CREATE OR REPLACE TEMP MACRO get_username() AS 'admin'");
        UserContext bob = new UserContext("2", "bob", null, null, null, "github", List.of(), null, Map.of());
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(Map.of("u", "bob")), session.execute(sql("SELECT get_username() AS u"), Map.of(),
                    new TestContext(bob, Map.of())));
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> adHoc(String query) throws EndpointExecutionException {
        return (List<Map<String, Object>>) session.execute(EndpointSource.adHocSql("execute_sql_query", query),
                Map.of(), TestContext.none());
    }

    @Test
    void validatesTheFirstStatementOnly() {
        assertEquals(Optional.empty(), session.validate(sql("SELECT $a AS a"), Set.of("a")));
        assertEquals(Optional.of("No SQL query found"), session.validate(sql("  \n"), Set.of()));
        Optional<String> syntax = session.validate(sql("SELEC 1"), Set.of());
        assertTrue(syntax.orElseThrow().startsWith("Source code syntax validation failed: Parser Error: syntax error at or near \"SELEC\""),
                syntax.get());
        Optional<String> ddl = session.validate(sql("CREATE TABLE v(a INT)"), Set.of());
        assertTrue(ddl.orElseThrow().startsWith("Source code syntax validation failed: Parser Error"), ddl.get());
        Optional<String> binder = session.validate(sql("SELECT nope FROM nowhere"), Set.of());
        assertTrue(binder.orElseThrow().startsWith("Source code syntax validation failed: Catalog Error"), binder.get());
        assertEquals(Optional.empty(), session.validate(sql("SELECT 1; CREATE TABLE never_created(a INT)"), Set.of()));
        assertTrue(session.validate(sql("SELECT * FROM never_created"), Set.of()).isPresent(),
                "trailing statements are not run by validation");
    }

    @Test
    void validateReportsParameterMismatchAsPythonSets() {
        assertEquals(Optional.of("Parameter mismatch: missing={'userid'}, extra={'userId'}"),
                session.validate(sql("SELECT $userId"), Set.of("userId")));
        assertEquals(Optional.of("Parameter mismatch: missing=set(), extra={'a', 'extra_param'}"),
                session.validate(sql("SELECT 1; SELECT $b"), Set.of("extra_param", "a")));
        assertEquals(Optional.of("Parameter mismatch: missing={'x'}, extra=set()"),
                session.validate(sql("SELECT $x"), Set.of()));
    }

    @Test
    void cancellationInterruptsARunningQuery() throws Exception {
        TestContext context = TestContext.none();
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
            try {
                return session.execute(sql("SELECT count(*) FROM range(1000000000) a, range(1000000000) b"), Map.of(), context);
            } catch (EndpointExecutionException e) {
                return e;
            }
        });
        Thread.sleep(300);
        long start = System.nanoTime();
        context.cancel();
        Object outcome = call.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 1000, "cancelled after " + millis + " ms");
        assertTrue(outcome instanceof EndpointExecutionException e && e.getMessage().contains("cancelled"), String.valueOf(outcome));
        assertEquals(List.of(Map.of("ok", 1)), run("SELECT 1 AS ok", Map.of()), "the session stays usable");
    }

    @Test
    void aQueryStoppedAsMemoryRunsOutFailsWithWhyAndTheSessionGoesOn() throws Exception {
        session.close();
        long mib = 1024 * 1024;
        long startedAt = System.nanoTime();
        // the process seems to grow by 1 GiB a second from the query's start, in 2 GiB of memory
        MemoryGauge growing = () -> {
            long grown = (System.nanoTime() - startedAt) / 1_000_000 * mib;
            return Optional.of(new MemoryReading(2048 * mib - grown, 2048 * mib, "the test's memory",
                    100 * mib + grown));
        };
        try (MemoryGuard guard = MemoryGuard.of(growing, Duration.ofMillis(20))) {
            session = new SqlSession(DuckDbRuntime.open(host, TestProject.at(dir.resolve("db/test.duckdb"))),
                    new ResultBudget(Long.MAX_VALUE, "unlimited"), guard);
            long start = System.nanoTime();
            // a long scan holding next to nothing in DuckDB's buffer manager: a cross join's materialized side grew
            // the buffer manager (which the guard rightly does not count) faster than this gauge grows on a quiet
            // machine, so the query was stopped only seconds later
            var error = assertThrows(EndpointExecutionException.class,
                    () -> run("SELECT count(*) FROM range(1000000000000)", Map.of()));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(error.getMessage().startsWith("Failed to execute SQL: the query was stopped because memory was "
                    + "running out while it ran: "), error.getMessage());
            assertTrue(error.getMessage().contains(" MiB left of the test's memory (2,048 MiB), and this process grew "
                    + "by "), error.getMessage());
            assertTrue(seconds < 5, "stopped after " + seconds + " s: once less than 256 MiB was left");
            assertEquals(List.of(Map.of("ok", 1)), run("SELECT 1 AS ok", Map.of()), "the session stays usable");
        }
    }

    @Test
    void aCallWaitingForAConnectionStopsWhenCancelled() throws Exception {
        int poolSize = Math.max(10, 2 * Runtime.getRuntime().availableProcessors()); // the reference's pool size
        List<TestContext> longCalls = new ArrayList<>();
        List<Future<Object>> running = new ArrayList<>();
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            for (int i = 0; i < poolSize; i++) {
                TestContext context = TestContext.none();
                longCalls.add(context);
                running.add(callers.submit(() -> outcome(
                        "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", context)));
            }
            Thread.sleep(500);
            TestContext queued = TestContext.none();
            Future<Object> waiting = callers.submit(() -> outcome("SELECT 1 AS one", queued));
            Thread.sleep(300);
            queued.cancel();
            Object outcome = waiting.get(5, TimeUnit.SECONDS);
            assertTrue(outcome instanceof EndpointExecutionException e && e.getMessage().contains("cancelled"),
                    String.valueOf(outcome));
            assertTrue(running.stream().noneMatch(Future::isDone), "while every connection was still busy");
        } finally {
            longCalls.forEach(TestContext::cancel);
            for (Future<Object> call : running) {
                call.get(5, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }
    }

    private Object outcome(String sql, TestContext context) {
        try {
            return session.execute(sql(sql), Map.of(), context);
        } catch (EndpointExecutionException e) {
            return e;
        }
    }

    @Test
    void aResultPastItsBudgetFailsNamingTheLimitAndTheSessionGoesOn() throws Exception {
        session.close();
        try (MemoryGuard guard = MemoryGuard.of(Optional::empty, Duration.ofSeconds(1))) {
            session = new SqlSession(DuckDbRuntime.open(host, TestProject.at(dir.resolve("db/test.duckdb"))),
                    new ResultBudget(2L * 1024 * 1024, "the test's limit"), guard);
            var error = assertThrows(EndpointExecutionException.class,
                    () -> run("SELECT * FROM range(1000000)", Map.of()));
            assertTrue(error.getMessage().startsWith("Failed to execute SQL: Result too large: its first "),
                    error.getMessage());
            assertTrue(error.getMessage().contains("more than the 2 MiB of memory one result may take (the test's limit)"),
                    error.getMessage());
            assertEquals(10_000, run("SELECT * FROM range(10000)", Map.of()).size(), "a result within the budget");
        }
    }

    @Test
    void aCallAlreadyCancelledDoesNotRun() throws Exception {
        run("CREATE TABLE c(a INT)", Map.of());
        TestContext context = TestContext.none();
        context.cancel();
        var error = assertThrows(EndpointExecutionException.class,
                () -> session.execute(sql("INSERT INTO c VALUES (1)"), Map.of(), context));
        assertTrue(error.getMessage().contains("cancelled"), error.getMessage());
        assertEquals(List.of(Map.of("n", 0L)), run("SELECT count(*) AS n FROM c", Map.of()));
    }

    @Test
    void closedSessionRefusesCalls() throws Exception {
        session.close();
        var error = assertThrows(EndpointExecutionException.class, () -> run("SELECT 1", Map.of()));
        assertEquals("DuckDB runtime is shutting down", error.getMessage());
        host.open(dir.resolve("db/test.duckdb"), true).close(); // closed by now, or this read-only open would fail
        session = executor.open(TestProject.at(dir.resolve("db/test.duckdb")));
    }

    @Test
    void concurrentCallsShareThePool() throws Exception {
        run("CREATE TABLE p(a INT)", Map.of());
        List<CompletableFuture<Object>> calls = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return session.execute(sql("INSERT INTO p VALUES ($i)"), Map.of("i", i), TestContext.none());
                    } catch (EndpointExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(Map.of("n", 40L)), run("SELECT count(*) AS n FROM p", Map.of()));
    }

    @Test
    void inMemoryDatabasesAreRejected() {
        var error = assertThrows(EndpointExecutionException.class,
                () -> executor.open(TestProject.at(dir.resolve(":memory:"))));
        assertEquals("Failed to create RuntimeEnvironment: In-memory databases (:memory:) are not supported. "
                + "Please use a file-based database.", error.getMessage());
    }

    @Test
    void readOnlyOpensAMissingFileAfterCreatingIt() throws Exception {
        Path file = dir.resolve("ro/new.duckdb");
        try (ExecutorSession readOnly = executor.open(new TestProject(file, true, List.of(), List.of()))) {
            assertTrue(Files.exists(file));
            var error = assertThrows(EndpointExecutionException.class,
                    () -> readOnly.execute(sql("CREATE TABLE w(a INT)"), Map.of(), TestContext.none()));
            assertTrue(error.getMessage().contains("read-only"), error.getMessage());
        }
    }

    @Test
    void anExtensionBuiltIntoTheEngineLoadsWithoutTheNetwork() throws Exception {
        var project = new TestProject(dir.resolve("json.duckdb"), false, List.of(Map.of("name", "json")), List.of());
        try (ExecutorSession withJson = executor.open(project)) {
            assertEquals(List.of(Map.of("valid", true)),
                    withJson.execute(sql("SELECT json_valid('{\"a\": 1}') AS valid"), Map.of(), TestContext.none()));
        }
    }

    @Test
    void aFailingExtensionFailsRuntimeCreation() {
        var project = new TestProject(dir.resolve("ext.duckdb"), false,
                List.of(Map.of("name", "no_such_extension_xyz", "repo", "'file:///nonexistent'")), List.of());
        var error = assertThrows(EndpointExecutionException.class, () -> executor.open(project));
        assertTrue(error.getMessage().startsWith("Failed to create RuntimeEnvironment: "), error.getMessage());
        assertDoesNotThrow(() -> host.open(dir.resolve("ext.duckdb"), true).close(),
                "the failed runtime released its database: it opens read-only");
    }

    @Test
    void anExtensionThatCannotBeDownloadedNamesTheFolderAnOfflineServerInstallsFrom() throws Exception {
        assertOfflineHint("httpfs", "httpfs");
    }

    @Test
    void anExtensionNamedByItsAliasIsLookedForUnderDuckDbsOwnName() throws Exception {
        assertOfflineHint("sqlite", "sqlite_scanner");
    }

    private void assertOfflineHint(String siteName, String fileName) throws Exception {
        var project = new TestProject(dir.resolve("offline.duckdb"), false,
                List.of(Map.of("name", siteName, "repo", "'http://127.0.0.1:9'")), List.of());
        var error = assertThrows(EndpointExecutionException.class, () -> executor.open(project));
        assertTrue(error.getMessage().startsWith("Failed to create RuntimeEnvironment: "), error.getMessage());
        assertTrue(error.getMessage().contains("Failed to download extension \"" + fileName + "\""),
                error.getMessage());
        String version;
        String platform;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT library_version, (SELECT platform FROM pragma_platform()) FROM pragma_version()")) {
            row.next();
            version = row.getString(1);
            platform = row.getString(2);
        }
        Path folder = Path.of(System.getenv("HOME"), ".duckdb", "extensions", version, platform);
        assertTrue(error.getMessage().endsWith("\nWithout internet access: copy " + fileName + ".duckdb_extension (of "
                + "the same DuckDB version and platform) into " + folder + " on this machine, where DuckDB installs it from"),
                error.getMessage());
    }

    @Test
    void aSecretOfATypeDuckDbKnowsButRefusesIsAWarningAndMxcpsOwnTypesAreNot() throws Exception {
        Map<String, Object> custom = Map.of("name", "custom_secret", "type", "value", "parameters", Map.of("k", "v"));
        Map<String, Object> bogus = Map.of("name", "bogus_secret", "type", "http", "parameters", Map.of("BOGUS", "x"));
        // a scalar where DuckDB wants a map: its error quotes the value, which is the secret
        Map<String, Object> leaky = Map.of("name", "leaky_secret", "type", "http", "parameters",
                Map.of("EXTRA_HTTP_HEADERS", "SuperSecretHeaderVal"));
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(
                "io.mxcp.executor.sql.runtime.ConnectionInitializer");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (ExecutorSession session = executor.open(new TestProject(dir.resolve("refused.duckdb"), false, List.of(),
                List.of(custom, bogus, leaky)))) {
            session.execute(sql("SELECT 1 AS one"), Map.of(), TestContext.none());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(2, warnings.size(), warnings::toString);
        assertEquals("Secret bogus_secret (type http) could not be created in DuckDB, so SQL that needs it "
                + "fails: Binder Error: Unknown parameter 'bogus' for secret type 'http' with default provider "
                + "'config'", warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Secret leaky_secret (type http) could not be created in DuckDB")
                && warnings.get(1).contains("'[REDACTED]'") && !warnings.get(1).contains("SuperSecret"),
                warnings.get(1));
    }

    @Test
    void secretsAreInjectedAndBadOnesIgnored() throws Exception {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("header1", "Foo");
        headers.put("header2", "Bar");
        Map<String, Object> http = Map.of("name", "http_secret", "type", "http", "parameters",
                Map.of("EXTRA_HTTP_HEADERS", headers));
        Map<String, Object> bearer = Map.of("name", "bearer_secret", "type", "http", "parameters",
                Map.of("BEARER_TOKEN", "it's-a-token"));
        Map<String, Object> bad = Map.of("name", "custom_secret", "type", "custom", "parameters", Map.of("k", "v"));
        Map<String, Object> value = Map.of("name", "value_secret", "type", "value", "parameters", Map.of("k", "v"));
        Map<String, Object> empty = Map.of("name", "empty_secret", "type", "http", "parameters", Map.of());
        try (ExecutorSession withSecrets = executor.open(new TestProject(dir.resolve("secrets.duckdb"),
                false, List.of(), List.of(bad, http, value, empty, bearer)))) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) withSecrets.execute(sql(
                    "SELECT name, type, provider, persistent, storage, secret_string FROM duckdb_secrets() "
                            + "ORDER BY name"), Map.of(), TestContext.none());
            assertEquals(2, rows.size(), rows.toString());
            Map<String, Object> row = rows.get(1);
            assertEquals(List.of("http_secret", "http", "config", false, "memory"), List.of(row.get("name"),
                    row.get("type"), row.get("provider"), row.get("persistent"), row.get("storage")));
            assertTrue(row.get("secret_string").toString().contains("extra_http_headers={header1=Foo, header2=Bar}"),
                    row.toString());
            assertEquals("bearer_secret", rows.get(0).get("name"), "a quote in a value is escaped");

            // ad-hoc SQL turns the query log on; its connection is closed, and the next one opened states no secret
            for (String adHoc : List.of("CALL enable_logging('QueryLog')", "SELECT 1")) {
                withSecrets.execute(EndpointSource.adHocSql("execute_sql_query", adHoc), Map.of(), TestContext.none());
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logged = (List<Map<String, Object>>) withSecrets.execute(
                    EndpointSource.adHocSql("execute_sql_query", "SELECT message FROM duckdb_logs"), Map.of(),
                    TestContext.none());
            assertTrue(logged.toString().contains("SELECT 1"), "the log is on: " + logged);
            assertFalse(logged.toString().contains("it''s-a-token"), logged.toString());
            assertFalse(logged.toString().contains("custom_secret"), "not even the one DuckDB refused: " + logged);
        }
    }

    @Test
    void errorsQuoteTheStatementAsItsAuthorWroteIt() {
        var error = assertThrows(EndpointExecutionException.class,
                () -> run("SELECT CAST($value AS INTEGER) + $n AS n", Map.of("value", "abc", "n", 1)));
        assertFalse(error.getMessage().contains("$1"), error.getMessage());

        Optional<String> syntax = session.validate(sql("SELECT $who, nope FROM nowhere_at_all"), Set.of("who"));
        assertTrue(syntax.isPresent());
        assertFalse(syntax.get().contains("PREPARE") || syntax.get().contains("mxcp_validate"), syntax.get());
        assertTrue(syntax.get().contains("LINE 1: SELECT $who, nope FROM nowhere_at_all"), syntax.get());
    }

    @Test
    void theCaretStaysUnderWhatItPointsAt() {
        String message = SqlErrors.message(new java.sql.SQLException("Binder Error: Referenced column \"x\" not found"
                + "\n\nLINE 1: PREPARE mxcp_validate_7 AS SELECT $1 + $2 + x\n"
                + " ".repeat(52) + "^"), "PREPARE mxcp_validate_7 AS ",
                List.of("amount", "n"));
        assertEquals("Binder Error: Referenced column \"x\" not found\n\nLINE 1: SELECT $amount + $n + x\n"
                + " ".repeat(30) + "^", message);
    }

    @Test
    void javaUdfFailuresReadWithoutStackFrames() throws Exception {
        assertEquals(Arrays.asList("Invalid Input Error: java.lang.IllegalStateException: boom"),
                List.of(SqlErrors.message(new java.sql.SQLException(
                        "Invalid Input Error: java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat d.E.f(E.java:2)\n"))));
    }
}
