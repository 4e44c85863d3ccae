package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin-platform test of HOTSWAP.md for UDF plugins and executors, against the real distribution: 16 callers
 * make MCP {@code tools/call}s whose SQL runs a deployed plugin's functions while the plugin is swapped 20 times,
 * version by version, by dropping a newer jar into {@code deploy/}. No call may fail, none may see an older version
 * once a newer one answered, and what the removed versions loaded must be gone afterwards (class loaders, classes,
 * threads, and still one DuckDB engine). Then the SQL executor itself and the plugin are swapped in turn under the
 * same load, then the audit backend: the project audits every call, and the log holds exactly one record per
 * successful call with an unbroken hash chain. A plugin that leaves a thread running shows that the leak check can
 * fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginSwapIT {

    private static final String JAR_NAME = "mxcp-udf-examples.jar";
    private static final String SYMBOLIC_NAME = "mxcp-udf-examples";
    private static final String PROVIDER_CLASS = "io.mxcp.udf.examples.ExampleFunctionProvider";
    private static final int FIRST_VERSION = 1;
    private static final int SWAPS = 20;
    /** After this many swaps the server is warm: class and thread counts taken then are the baseline. */
    private static final int BASELINE_SWAP = 5;
    private static final int CALLERS = 16;
    /** Rounds of interleaved swaps (the SQL executor, then the UDF plugin) after the UDF plugin's own swaps. */
    private static final int ROUNDS = 10;
    private static final String EXECUTOR_CLASS = "io.mxcp.executor.sql.SqlExecutor";
    private static final String AUDIT_BACKEND_JAR = "mxcp-audit-jsonl.jar";
    /** Successful plugin_version calls of every test so far: the audit log must hold exactly one record for each. */
    private static final AtomicLong SUCCESSFUL_CALLS = new AtomicLong();
    /** A liveness bound, not the target: the swap times are printed and recorded in docs/performance.md. */
    private static final Duration SWAP_LIMIT = Duration.ofSeconds(10);
    /** Halfway between the baseline and the end: a leak grows the classes in both halves, a one-time load in one. */
    private static final int MIDDLE_SWAP = 12;
    /**
     * Classes the JVM may load for itself in a half (JIT, lambda forms); far below a leak's. A path first taken late
     * (CI saw 157 classes once) loads its classes in one half only.
     */
    private static final long CLASS_SLACK = 20;
    /** Threads the platform starts lazily (SCR's timer, JVM helpers); one leaked per swap would add 15. */
    private static final long THREAD_SLACK = 2;
    private static final String VERSION_TOOL = """
            mxcp: 1
            tool:
              name: plugin_version
              description: Which version of the udf-examples plugin answers, and rot13 from it
              return:
                type: string
                description: '<version> <rot13 of mxcp>'
              source:
                code: SELECT udf_examples_version() || ' ' || rot13('mxcp') AS v
            """;

    @RegisterExtension
    static final ServedProject served = ServedProject.withPrivateHome((work, mxcp) -> {
        Path project = mxcp.bootstrap(work, "swaps");
        Files.writeString(project.resolve("tools/plugin_version.yml"), VERSION_TOOL);
        Files.writeString(project.resolve("mxcp-site.yml"), "profiles:\n  default:\n    audit: {enabled: true}\n",
                StandardOpenOption.APPEND);
        dropVersion(mxcp.home().resolve("deploy"), FIRST_VERSION);
        return project;
    });

    @Test
    @Order(1)
    void twentySwapsUnderSixteenCallersLoseNoCallAndLeaveNothingBehind() throws Exception {
        ServerProcess server = served.server();
        JvmProbe jvm = new JvmProbe(server.pid());
        Set<String> enginesBefore = jvm.mappedFiles("duckdb");
        Map<Integer, Long> dropNanos = new TreeMap<>();
        JvmProbe.Counters baseline = null;
        JvmProbe.Counters middle = null;
        List<String> baselineThreads = List.of();
        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "plugin_version", Map.of());
        try (callers) {
            awaitVersion(callers, FIRST_VERSION, server);
            for (int version = FIRST_VERSION + 1; version <= FIRST_VERSION + SWAPS; version++) {
                swapUdfTo(version, callers, dropNanos, server);
                if (version == FIRST_VERSION + BASELINE_SWAP) {
                    jvm.collectGarbage();
                    baseline = jvm.counters();
                    baselineThreads = jvm.threadNames();
                } else if (version == FIRST_VERSION + MIDDLE_SWAP) {
                    jvm.collectGarbage();
                    middle = jvm.counters();
                }
            }
        }
        jvm.collectGarbage();
        JvmProbe.Counters after = jvm.counters();
        List<String> afterThreads = swapThreads(jvm.threadNames());
        List<String> startThreads = swapThreads(baselineThreads);
        List<String> newThreads = new ArrayList<>(afterThreads);
        startThreads.forEach(newThreads::remove);

        List<ToolCallers.Call> seen = callers.calls();
        ToolCallers.assertNoneFailed(seen, server);
        SUCCESSFUL_CALLS.addAndGet(seen.size());
        long[] swapMillis = assertNoCallSawAnOlderVersion(seen, dropNanos);
        server.assertNoProblemsLogged();

        jvm.awaitLoaders(PROVIDER_CLASS, 1, SWAP_LIMIT, "class loaders holding the plugin's classes after " + SWAPS
                + " swaps (one: the running version)");
        JvmProbe.Counters start = baseline;
        long middleClasses = middle.liveClasses();
        assertTrue(Math.min(middleClasses - start.liveClasses(), after.liveClasses() - middleClasses) <= CLASS_SLACK,
                () -> "loaded classes grew in both halves: " + start.liveClasses() + " after swap " + BASELINE_SWAP
                        + ", " + middleClasses + " after swap " + MIDDLE_SWAP + ", " + after.liveClasses()
                        + " after swap " + SWAPS);
        assertTrue(afterThreads.size() - startThreads.size() <= THREAD_SLACK, () -> "threads grew from "
                + startThreads.size() + " after swap " + BASELINE_SWAP + " to " + afterThreads.size() + " after swap "
                + SWAPS + "; new: " + newThreads);
        assertEquals(enginesBefore, jvm.mappedFiles("duckdb"), "DuckDB engines mapped into the server");
        assertEquals(1, enginesBefore.stream().filter(file -> file.endsWith(".so")).count(), enginesBefore::toString);

        System.out.printf("PluginSwapIT: %d swaps under %d callers, %d calls, none failed; first call on the new"
                + " version %d ms after the drop (median), %d ms (worst); live classes %d -> %d, threads %d -> %d,"
                + " metaspace %d -> %d KiB%n", SWAPS, CALLERS, seen.size(), swapMillis[SWAPS / 2],
                swapMillis[SWAPS - 1], start.liveClasses(), after.liveClasses(), start.liveThreads(),
                after.liveThreads(), start.metaspaceUsedBytes() / 1024, after.metaspaceUsedBytes() / 1024);
    }

    /**
     * Executors are plugins too: a newer SQL executor dropped into deploy/ takes the new calls (the newest executor of
     * a language serves), and the deployed one it replaces drains and goes. 10 rounds under the same 16 callers, each
     * swapping the executor and then the UDF plugin.
     */
    @Test
    @Order(2)
    void sqlExecutorAndUdfSwapsInterleavedLoseNoCall() throws Exception {
        ServerProcess server = served.server();
        Map<Integer, Long> dropNanos = new TreeMap<>();
        Path executorJar = Distribution.home().resolve("bundles/mxcp-executor-sql.jar");
        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "plugin_version", Map.of());
        try (callers) {
            for (int round = 1; round <= ROUNDS; round++) {
                String executorVersion = "0.2." + round;
                DeployDrop.drop(served.deploy(), "mxcp-executor-sql.jar",
                        out -> PluginJars.withVersion(executorJar, executorVersion, out));
                server.awaitLogLineEnding(SWAP_LIMIT, "started mxcp-executor-sql " + executorVersion);
                if (round > 1) {
                    server.awaitLogLineEnding(SWAP_LIMIT, "removed mxcp-executor-sql 0.2." + (round - 1));
                }
                swapUdfTo(FIRST_VERSION + SWAPS + round, callers, dropNanos, server);
            }
        }
        List<ToolCallers.Call> seen = callers.calls();
        ToolCallers.assertNoneFailed(seen, server);
        SUCCESSFUL_CALLS.addAndGet(seen.size());
        assertNoCallSawAnOlderVersion(seen, dropNanos);
        server.assertNoProblemsLogged();
        JvmProbe jvm = new JvmProbe(server.pid());
        jvm.awaitLoaders(EXECUTOR_CLASS, 2, SWAP_LIMIT, "class loaders holding the SQL executor's classes after "
                + ROUNDS + " swaps (two: the one started from bundles/ and the newest deployed)");
        jvm.awaitLoaders(PROVIDER_CLASS, 1, SWAP_LIMIT, "class loaders holding the UDF plugin's classes");
        System.out.printf("PluginSwapIT: %d rounds of SQL executor and UDF swaps under %d callers, %d calls, none"
                + " failed%n", ROUNDS, CALLERS, seen.size());
    }

    /**
     * Audit backends are plugins too: 10 newer versions of the JSONL backend dropped into deploy/ under the same 16
     * callers. Records written meanwhile wait for the next backend; after all three tests the log holds exactly one
     * record per successful call (none lost, none twice), and its hash chain runs unbroken through every backend.
     */
    @Test
    @Order(3)
    void auditBackendSwapsLoseNoRecord() throws Exception {
        ServerProcess server = served.server();
        Path backendJar = Distribution.home().resolve("bundles/" + AUDIT_BACKEND_JAR);
        ToolCallers callers = new ToolCallers(served.port(), CALLERS, "plugin_version", Map.of());
        try (callers) {
            for (int round = 1; round <= ROUNDS; round++) {
                String version = "0.2." + round;
                int before = callers.count();
                DeployDrop.drop(served.deploy(), AUDIT_BACKEND_JAR,
                        out -> PluginJars.withVersion(backendJar, version, out));
                server.awaitLogLineEnding(SWAP_LIMIT, "started mxcp-audit-jsonl " + version);
                if (round > 1) {
                    server.awaitLogLineEnding(SWAP_LIMIT, "removed mxcp-audit-jsonl 0.2." + (round - 1));
                }
                Poll.until(SWAP_LIMIT, "calls after swapping in audit backend " + version,
                        () -> callers.count() > before + CALLERS ? true : null, server::describe);
            }
        }
        List<ToolCallers.Call> seen = callers.calls();
        ToolCallers.assertNoneFailed(seen, server);
        long expected = SUCCESSFUL_CALLS.addAndGet(seen.size());
        server.assertNoProblemsLogged();

        Mxcp mxcp = served.mxcp();
        CommandResult counted = Poll.until(SWAP_LIMIT, expected + " audit records", () -> {
            CommandResult log = mxcp.run(served.project(), "log", "--tool", "plugin_version", "--status", "success",
                    "--limit", "0", "--json");
            return log.exitCode() == 0 && log.json().path("result").path("count").asLong() >= expected ? log : null;
        }, server::describe);
        assertEquals(expected, counted.json().path("result").path("count").asLong(), "one record per successful call");
        CommandResult all = mxcp.run(served.project(), "log", "--limit", "0", "--json");
        assertEquals(expected, all.json().path("result").path("count").asLong(), "and no other record");
        CommandResult chain = mxcp.run(served.project(), "log", "--verify");
        assertEquals(0, chain.exitCode(), chain::describe);
        assertTrue(chain.stdout().contains("valid (" + expected + " records checked)"), chain::describe);
        JvmProbe jvm = new JvmProbe(server.pid());
        jvm.awaitLoaders("io.mxcp.audit.jsonl.JsonlAuditBackend", 2, SWAP_LIMIT, "class loaders holding the audit"
                + " backend's classes after " + ROUNDS + " swaps (two: the one started from bundles/ and the newest)");
        System.out.printf("PluginSwapIT: %d audit backend swaps under %d callers, %d calls in this test; %d audit"
                + " records for %d successful calls of all tests, chain valid%n", ROUNDS, CALLERS, seen.size(),
                expected, expected);
    }

    /** The negative control: a plugin that leaves a thread running keeps its removed version's classes alive. */
    @Test
    @Order(4)
    void leakCheckCatchesAPluginThatLeavesAThreadRunning() throws Exception {
        ServerProcess server = served.server();
        JvmProbe jvm = new JvmProbe(server.pid());
        for (String version : List.of("1.0.0", "1.0.1")) {
            DeployDrop.drop(served.deploy(), "leaky.jar", out -> PluginJars.compiled("leaky-plugin", served.work(),
                    "mxcp-it-leaky", version, "io.mxcp.sdk.udf;version=\"[1.0,2)\"", "OSGI-INF/leaky.xml", out));
            server.awaitLogLineEnding(SWAP_LIMIT, "started mxcp-it-leaky " + version);
        }
        server.awaitLogLineEnding(SWAP_LIMIT, "removed mxcp-it-leaky 1.0.0");
        jvm.collectGarbage();
        assertEquals(2, jvm.loadersOf("io.mxcp.it.leaky.LeakyProvider"),
                "the removed version's thread keeps its class loader alive, and the check sees both copies");
        assertEquals(2, jvm.threadNames().stream().filter("leaky-plugin-keeper"::equals).count(),
                "the removed version's thread still runs beside the new version's");
    }

    /** Drops the UDF plugin's jar of this version, waits until a call sees it and the version before is gone. */
    private static void swapUdfTo(int version, ToolCallers callers, Map<Integer, Long> dropNanos,
            ServerProcess server) throws IOException {
        dropNanos.put(version, System.nanoTime());
        dropVersion(served.deploy(), version);
        awaitVersion(callers, version, server);
        server.awaitLogLineEnding(SWAP_LIMIT, "removed " + SYMBOLIC_NAME + " " + versionText(version - 1));
    }

    /**
     * Once a call was answered by a version, no call that started later saw an older one. Returns the milliseconds
     * from each drop to the first answer of its version, sorted.
     */
    private static long[] assertNoCallSawAnOlderVersion(List<ToolCallers.Call> seen, Map<Integer, Long> dropNanos) {
        long[] swapMillis = new long[dropNanos.size()];
        int swap = 0;
        for (Map.Entry<Integer, Long> drop : dropNanos.entrySet()) {
            int newer = drop.getKey();
            long firstAnswer = firstAnswerNanos(seen, newer);
            swapMillis[swap++] = (firstAnswer - drop.getValue()) / 1_000_000;
            List<ToolCallers.Call> stale = seen.stream()
                    .filter(call -> call.startNanos() > firstAnswer && version(call) < newer).toList();
            assertEquals(List.of(), stale, () -> "calls that started after version " + versionText(newer)
                    + " had answered still saw an older one");
        }
        Arrays.sort(swapMillis);
        return swapMillis;
    }

    private static void awaitVersion(ToolCallers callers, int version, ServerProcess server) {
        Poll.until(SWAP_LIMIT, "a call answered by version " + versionText(version),
                () -> callers.calls().stream().anyMatch(call -> version(call) >= version) ? true : null,
                server::describe);
    }

    private static long firstAnswerNanos(List<ToolCallers.Call> seen, int version) {
        return seen.stream().filter(call -> version(call) == version).mapToLong(ToolCallers.Call::endNanos).min()
                .orElseThrow(() -> new AssertionError("no call was answered by version " + versionText(version)));
    }

    /** The plugin version a plugin_version call reports ({@code 1.0.<n> zkpc}), or -1 for any other answer. */
    private static int version(ToolCallers.Call call) {
        String text = call.text();
        if (text == null || !text.startsWith("1.0.") || !text.endsWith(" zkpc")) {
            return -1;
        }
        return Integer.parseInt(text.substring("1.0.".length(), text.length() - " zkpc".length()));
    }

    private static void dropVersion(Path deploy, int version) throws IOException {
        DeployDrop.drop(deploy, JAR_NAME,
                out -> PluginJars.withVersion(Distribution.udfExamplesJar(), versionText(version), out));
    }

    private static String versionText(int version) {
        return "1.0." + version;
    }

    /**
     * The threads a swap could leave behind: all but Undertow's HTTP workers, a pool that grows with the load of the
     * 16 callers up to its bound (a worker per admitted call, plus 8 per core) and shrinks after a minute idle.
     */
    private static List<String> swapThreads(List<String> names) {
        return names.stream().filter(name -> !(name.startsWith("XNIO-") && name.contains(" task-"))).toList();
    }
}
