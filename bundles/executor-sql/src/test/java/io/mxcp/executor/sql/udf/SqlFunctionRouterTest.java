package io.mxcp.executor.sql.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.osgi.framework.Bundle;

import io.mxcp.executor.sql.SqlExecutor;
import io.mxcp.executor.sql.TestContext;
import io.mxcp.executor.sql.TestProject;
import io.mxcp.kernel.api.PluginProblems;
import io.mxcp.kernel.duckdb.KernelDuckDbHost;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.EndpointExecutionException;
import io.mxcp.sdk.exec.EndpointSource;
import io.mxcp.sdk.exec.ExecutionContext;
import io.mxcp.sdk.exec.ExecutorSession;
import io.mxcp.sdk.udf.SqlFunction;
import io.mxcp.sdk.udf.SqlFunctionBody;
import io.mxcp.sdk.udf.SqlFunctionProvider;
import io.mxcp.sdk.udf.SqlType;

class SqlFunctionRouterTest {

    @TempDir
    Path dir;

    private final KernelDuckDbHost host = new KernelDuckDbHost();
    private final SqlFunctionRouter router = new SqlFunctionRouter(host, new PluginProblems() {
        @Override
        public void report(Bundle plugin, String problem) {
        }

        @Override
        public void resolved(Bundle plugin) {
        }
    });
    private ExecutorSession session;

    @BeforeEach
    void open() throws Exception {
        session = new SqlExecutor(host).open(TestProject.at(dir.resolve("udf.duckdb")));
    }

    @AfterEach
    void close() {
        router.deactivate();
        session.close();
    }

    private Object single(String sql) throws EndpointExecutionException {
        return single(sql, TestContext.none());
    }

    private Object single(String sql, ExecutionContext call) throws EndpointExecutionException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) session.execute(
                new EndpointSource("tool", "t", "sql", sql, null, Path.of("t.yml")), Map.of(), call);
        return rows.getFirst().values().iterator().next();
    }

    private static SqlFunctionProvider provider(String version) {
        return new SqlFunctionProvider() {
            @Override
            public String providerName() {
                return "sample";
            }

            @Override
            public List<SqlFunction> functions() {
                return List.of(
                        new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> version),
                        new SqlFunction("sample_len", List.of(SqlType.VARCHAR), SqlType.BIGINT,
                                args -> args[0] == null ? -1 : ((String) args[0]).length()),
                        new SqlFunction("sample_fail", List.of(SqlType.VARCHAR), SqlType.VARCHAR, args -> {
                            throw new java.io.IOException("cannot read " + args[0]);
                        }),
                        new SqlFunction("sample_caller", List.of(SqlType.BIGINT), SqlType.VARCHAR,
                                SqlFunctionBody.withCaller((args, call) -> call.flatMap(ExecutionContext::user)
                                        .map(UserContext::username).orElse("nobody") + " " + args[0])),
                        new SqlFunction("sample_three", List.of(SqlType.VARCHAR, SqlType.BIGINT, SqlType.VARCHAR),
                                SqlType.VARCHAR, args -> args[0] + "" + args[1] + args[2]),
                        new SqlFunction("sample_loader", List.of(), SqlType.VARCHAR,
                                args -> String.valueOf(Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())));
            }
        };
    }

    @Test
    void routesAProvidersFunctionsWhileItIsBound() throws Exception {
        SqlFunctionProvider v1 = provider("v1");
        router.bindProvider(v1);
        assertEquals("v1", single("SELECT sample_version()"));
        assertEquals(3L, single("SELECT sample_len('abc')"), "an Integer result is returned as the declared BIGINT");
        assertEquals(-1L, single("SELECT sample_len(NULL)"), "the body is called for NULL arguments");
        assertEquals("true", single("SELECT sample_loader()"), "the body runs with the plugin's context class loader");

        router.unbindProvider(v1);
        var error = assertThrows(EndpointExecutionException.class, () -> single("SELECT sample_version()"));
        assertTrue(error.getMessage().contains("The UDF plugin of SQL function sample_version is not installed"), error.getMessage());
    }

    @Test
    void aNewVersionThatDropsASignatureSaysSoWhenItTakesOver() throws Exception {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(SqlFunctionRouter.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        SqlFunctionProvider v1 = provider("v1");
        router.bindProvider(v1);
        SqlFunctionProvider v2 = new SqlFunctionProvider() {
            @Override
            public String providerName() {
                return "sample";
            }

            @Override
            public List<SqlFunction> functions() {
                return List.of(new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> "v2"),
                        new SqlFunction("sample_len", List.of(SqlType.BIGINT), SqlType.BIGINT, args -> 0));
            }
        };
        logger.addHandler(capture);
        try {
            router.bindProvider(v2); // the framework binds the new version before it lets the old one go
        } finally {
            logger.removeHandler(capture);
        }
        router.unbindProvider(v1);
        assertEquals("v2", single("SELECT sample_version()"));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("UDF plugin sample: this version no longer provides "
                + "[sample_caller(BIGINT), sample_fail(VARCHAR), sample_len(VARCHAR), sample_loader(), "
                + "sample_three(VARCHAR, BIGINT, VARCHAR)]; DuckDB keeps those signatures until the server restarts"),
                warnings.get(0));
    }

    @Test
    void aBodyMadeWithCallerSeesTheCallOfItsStatementOnEveryRow() throws Exception {
        router.bindProvider(provider("v1"));
        UserContext alice = new UserContext("1", "alice", null, null, null, "github", List.of(), null, Map.of());
        // enough rows for DuckDB to spread the function over its worker threads
        assertEquals("alice", single("SELECT DISTINCT split_part(sample_caller(range), ' ', 1) FROM range(200000)",
                new TestContext(alice, Map.of())));
        assertEquals("nobody 7", single("SELECT sample_caller(7)"));
        assertEquals("a1b", single("SELECT sample_three('a', 1, 'b')"), "more than two parameters");
    }

    @Test
    void aCallOfWrongTypesNamesTheFunctionAsSqlCallsIt() throws Exception {
        router.bindProvider(provider("v1"));
        var error = assertThrows(EndpointExecutionException.class, () -> single("SELECT sample_len([1, 2])"));
        assertEquals("Failed to execute SQL: Binder Error: No function matches the given name and argument types"
                + " 'sample_len(INTEGER[])'. You might need to add explicit type casts.\n\tCandidate functions:\n"
                + "\tsample_len(VARCHAR) -> BIGINT", error.getMessage());
        var none = assertThrows(EndpointExecutionException.class, () -> single("SELECT sample_version(1)"));
        assertTrue(none.getMessage().contains("sample_version()"), none.getMessage());
    }

    @Test
    void aThrowingBodyFailsTheQueryWithItsMessage() throws Exception {
        router.bindProvider(provider("v1"));
        var error = assertThrows(EndpointExecutionException.class, () -> single("SELECT sample_fail('x')"));
        assertTrue(error.getMessage().startsWith("Failed to execute SQL: "), error.getMessage());
        assertTrue(error.getMessage().contains("sample.sample_fail: cannot read x"), error.getMessage());
        assertTrue(!error.getMessage().contains("\tat "), error.getMessage());
        assertEquals("v1", single("SELECT sample_version()"), "the session stays usable");
    }

    @Test
    void theNewerProviderTakesOverAndSurvivesTheOlderOnesRemoval() throws Exception {
        SqlFunctionProvider v1 = provider("v1");
        SqlFunctionProvider v2 = provider("v2");
        router.bindProvider(v1);
        router.bindProvider(v2);
        assertEquals("v2", single("SELECT sample_version()"));
        router.unbindProvider(v1);
        assertEquals("v2", single("SELECT sample_version()"));
    }

    @Test
    void aFunctionStaysItsProvidersAndAProviderThatCannotHaveEveryFunctionItListsHasNone() throws Exception {
        router.bindProvider(provider("v1"));
        router.bindProvider(named("dupe", () -> List.of(
                new SqlFunction("dupe_only", List.of(), SqlType.VARCHAR, args -> "dupe"),
                new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> "taken over"))));
        router.bindProvider(named("twice", () -> List.of(
                new SqlFunction("twice_only", List.of(), SqlType.VARCHAR, args -> "first"),
                new SqlFunction("twice_only", List.of(), SqlType.VARCHAR, args -> "second"))));
        router.bindProvider(named("overload", () -> List.of(
                new SqlFunction("sample_len", List.of(SqlType.BIGINT), SqlType.BIGINT, args -> 42L))));

        assertEquals("v1", single("SELECT sample_version()"), "another plugin cannot take a function over");
        assertThrows(EndpointExecutionException.class, () -> single("SELECT dupe_only()"),
                "nor has it the functions it could have had");
        assertThrows(EndpointExecutionException.class, () -> single("SELECT twice_only()"));
        assertEquals(42L, single("SELECT sample_len(7::BIGINT)"), "an overload with other parameters is its own");
        assertEquals(3L, single("SELECT sample_len('abc')"));
    }

    @Test
    void aProviderRefusedForAFunctionAnotherHeldTakesItOverWhenTheOtherLeaves() throws Exception {
        SqlFunctionProvider holder = provider("v1");
        SqlFunctionProvider rival = named("rival", () -> List.of(
                new SqlFunction("rival_only", List.of(), SqlType.VARCHAR, args -> "rival's own"),
                new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> "rival")));
        SqlFunctionProvider twice = named("twice", () -> List.of(
                new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> "first"),
                new SqlFunction("sample_version", List.of(), SqlType.VARCHAR, args -> "second")));
        router.bindProvider(holder);
        router.bindProvider(twice);
        router.bindProvider(rival);
        assertEquals("v1", single("SELECT sample_version()"));
        assertThrows(EndpointExecutionException.class, () -> single("SELECT rival_only()"));

        router.unbindProvider(holder);
        assertEquals("rival", single("SELECT sample_version()"), "the waiting plugin took the function over");
        assertEquals("rival's own", single("SELECT rival_only()"));

        router.unbindProvider(rival);
        var gone = assertThrows(EndpointExecutionException.class, () -> single("SELECT sample_version()"));
        assertTrue(gone.getMessage().contains("is not installed"), "a plugin that lists a function twice never "
                + "waits for it: " + gone.getMessage());
    }

    @Test
    void aProviderWithAnUnusableNameOrFailingFunctionsListRegistersNothingAndTheRestGoesOn() throws Exception {
        router.bindProvider(named("inj\n08:00:00.000 INFO fine", () -> List.of(
                new SqlFunction("forged", List.of(), SqlType.VARCHAR, args -> "x"))));
        router.bindProvider(named("broken", () -> {
            throw new IllegalStateException("functions() failure");
        }));
        router.bindProvider(provider("v1"));

        var error = assertThrows(EndpointExecutionException.class, () -> single("SELECT forged()"));
        assertTrue(error.getMessage().contains("forged"), error.getMessage());
        assertEquals("v1", single("SELECT sample_version()"));
    }

    private static SqlFunctionProvider named(String providerName, Supplier<List<SqlFunction>> functions) {
        return new SqlFunctionProvider() {
            @Override
            public String providerName() {
                return providerName;
            }

            @Override
            public List<SqlFunction> functions() {
                return functions.get();
            }
        };
    }

    @Test
    void aWholeNumberResultIsNeverCutButAFractionFailsTheQuery() throws Exception {
        router.bindProvider(named("numbers", () -> List.of(
                new SqlFunction("numbers_whole", List.of(), SqlType.INTEGER, args -> 3.0),
                new SqlFunction("numbers_fraction", List.of(), SqlType.INTEGER, args -> 2.9),
                new SqlFunction("numbers_huge", List.of(), SqlType.INTEGER, args -> 1L << 40))));
        assertEquals(3, single("SELECT numbers_whole()"));
        var fraction = assertThrows(EndpointExecutionException.class, () -> single("SELECT numbers_fraction()"));
        assertTrue(fraction.getMessage().contains("numbers.numbers_fraction returned 2.9, which is not a whole number, "
                + "for its INTEGER result"), fraction.getMessage());
        var huge = assertThrows(EndpointExecutionException.class, () -> single("SELECT numbers_huge()"));
        assertTrue(huge.getMessage().contains("returned 1099511627776, beyond the range of its INTEGER result"),
                huge.getMessage());
    }

    /** A class of a plugin's own class loader, as a deployed bundle's provider class is. */
    public static final class PluginMarker {
    }

    @Test
    void restoresTheCallersContextClassLoader() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {
                PluginMarker.class.getProtectionDomain().getCodeSource().getLocation()},
                ClassLoader.getPlatformClassLoader())) {
            assertSetsThePluginsLoader(plugin.loadClass(PluginMarker.class.getName()));
        }
    }

    private static void assertSetsThePluginsLoader(Class<?> provider) {
        ClassLoader mine = provider.getClassLoader();
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        SqlFunction function = new SqlFunction("probe", List.of(), SqlType.VARCHAR, args -> {
            seen.set(Thread.currentThread().getContextClassLoader());
            return "x";
        });
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertEquals("x", new FunctionBodyAdapter("p", function, provider).apply(new Object[0], null));
        assertEquals(mine, seen.get());
        assertEquals(before, Thread.currentThread().getContextClassLoader());
        assertNull(new FunctionBodyAdapter("p", new SqlFunction("nothing", List.of(), SqlType.VARCHAR, args -> null), provider)
                .apply(new Object[0], null));
    }
}
