package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec 03b D.37: `mxcp serve` killed with SIGKILL at random moments under the load of 8 concurrent HTTP callers and
 * restarted on the same project ({@link CrashRounds}). In fail-closed mode every call a client saw succeed has its
 * record; in the default mode every call answered earlier than the flush window before the kill has (docs/compat.md,
 * Audit trail). Either way `mxcp log --verify` finds the hash chain whole across the killed servers' segments and the
 * restarted ones' (the last killed segment is made to end in a cut-off line, as a kill in the middle of a write leaves
 * one: it is skipped), every restarted server records its calls, and no call has two records.
 */
class AuditCrashIT {

    private static final String TOOL = "echo_id";
    private static final int ROUNDS = 3;
    private static final int CALLERS = 8;
    private static final int CALLS_AFTER_START = 5;
    /**
     * Best-effort mode's documented bound (docs/compat.md): a record is forced to disk within about one batch of its
     * call's answer, tens of ms; the first batch after a server start loads the writer's code and takes up the log,
     * which took up to 1.3 s on a 2-core machine at load average 10.
     */
    private static final Duration FLUSH_WINDOW = Duration.ofSeconds(2);

    private static Path work;
    private static Mxcp mxcp;

    @BeforeAll
    static void distribution() {
        work = Distribution.freshWorkFolder(AuditCrashIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void failClosedKeepsTheRecordOfEveryCallAClientSawSucceed() throws Exception {
        Path project = project("fail-closed", "{enabled: true, mode: fail_closed}");
        CrashRounds.History history = new CrashRounds(mxcp, project, TOOL, CALLERS, CALLS_AFTER_START)
                .run(ROUNDS, AuditCrashIT::cutOffTheLastLine);
        Map<Long, Integer> recorded = recordedIds(project);
        report("fail_closed", history, recorded);

        for (CrashRounds.Round round : history.killed()) {
            assertAllRecorded(round, ToolCallers.Call::succeeded, recorded,
                    "calls a client saw succeed in fail_closed mode");
        }
        assertTheTrailSurvivedTheKills(project, history, recorded);
    }

    @Test
    void bestEffortLosesNoCallAnsweredEarlierThanTheFlushWindowBeforeTheKill() throws Exception {
        Path project = project("best-effort", "{enabled: true}");
        CrashRounds.History history = new CrashRounds(mxcp, project, TOOL, CALLERS, CALLS_AFTER_START)
                .run(ROUNDS, AuditCrashIT::cutOffTheLastLine);
        Map<Long, Integer> recorded = recordedIds(project);
        report("best_effort", history, recorded);

        for (CrashRounds.Round round : history.killed()) {
            long windowStart = round.killNanos() - FLUSH_WINDOW.toNanos();
            assertAllRecorded(round, call -> call.succeeded() && call.endNanos() < windowStart, recorded,
                    "calls a client saw succeed more than " + FLUSH_WINDOW.toMillis() + " ms before the kill");
        }
        assertTheTrailSurvivedTheKills(project, history, recorded);
    }

    /** The checks both modes share: the chain, the calls of the server started after the last kill, no duplicates. */
    private static void assertTheTrailSurvivedTheKills(Path project, CrashRounds.History history,
            Map<Long, Integer> recorded) {
        CommandResult verify = mxcp.run(project, "log", "--verify", "--json");
        assertEquals(0, verify.exitCode(), verify::describe);
        JsonNode check = verify.json().path("result");
        assertTrue(check.path("valid").asBoolean(false), verify::describe);
        int records = recorded.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(records, check.path("records_checked").asInt(), verify::describe);

        List<Long> unrecorded = history.afterLastKill().stream().map(AuditCrashIT::id)
                .filter(id -> !recorded.containsKey(id)).toList();
        assertEquals(List.of(), unrecorded, "calls of the server started after the last kill without a record");

        Map<Long, Integer> twice = new TreeMap<>(recorded);
        twice.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), twice, "ids with more than one record (id=records)");
    }

    /**
     * Fails naming the calls {@code mustBeRecorded} selects that have no record (the first 20), how long before the
     * kill each was answered, and what the killed server logged.
     */
    private static void assertAllRecorded(CrashRounds.Round round, Predicate<ToolCallers.Call> mustBeRecorded,
            Map<Long, Integer> recorded, String which) {
        List<String> missing = round.calls().stream().filter(mustBeRecorded)
                .filter(call -> !recorded.containsKey(id(call)))
                .map(call -> "id " + id(call) + " answered " + beforeKill(round, call) + " ms before the kill")
                .toList();
        assertTrue(missing.isEmpty(), () -> "round " + round.number() + " (killed after "
                + round.loadedFor().toMillis() + " ms of load): " + missing.size() + " " + which
                + " have no record: " + missing.subList(0, Math.min(20, missing.size())) + "\n" + round.serverLog());
    }

    /** What the rounds showed, for docs/compat.md: calls, kill points and the records a kill took with it. */
    private static void report(String mode, CrashRounds.History history, Map<Long, Integer> recorded) {
        for (CrashRounds.Round round : history.killed()) {
            List<ToolCallers.Call> succeeded = round.calls().stream().filter(ToolCallers.Call::succeeded).toList();
            LongSummaryStatistics lost = succeeded.stream().filter(call -> !recorded.containsKey(id(call)))
                    .mapToLong(call -> beforeKill(round, call)).summaryStatistics();
            long recordedCalls = round.calls().stream().filter(call -> recorded.containsKey(id(call))).count();
            System.out.printf("AuditCrashIT %s round %d: killed after %d ms of load; %d calls, %d seen to succeed,"
                            + " %d recorded; %d seen to succeed have no record%s%n", mode, round.number(),
                    round.loadedFor().toMillis(), round.calls().size(), succeeded.size(), recordedCalls,
                    lost.getCount(), lost.getCount() == 0 ? "" : " (answered " + lost.getMin() + " to "
                            + lost.getMax() + " ms before the kill)");
        }
    }

    private static long beforeKill(CrashRounds.Round round, ToolCallers.Call call) {
        return (round.killNanos() - call.endNanos()) / 1_000_000;
    }

    private static long id(ToolCallers.Call call) {
        return ((Number) call.arguments().get("id")).longValue();
    }

    /**
     * Ends the newest segment with half of its last record, as a kill in the middle of a batch's write leaves it (a
     * SIGKILL seldom does: the write of a small batch is not interrupted): the next server must chain to the last
     * complete record, and the half line must not count as one.
     */
    private static void cutOffTheLastLine(Path project) throws IOException {
        Path newest;
        try (Stream<Path> files = Files.list(project.resolve("audit"))) {
            newest = files.filter(file -> file.getFileName().toString().matches("logs-default-.*T.*\\.jsonl"))
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
        String last = Files.readAllLines(newest, StandardCharsets.UTF_8).getLast();
        Files.writeString(newest, last.substring(0, last.length() / 2), StandardOpenOption.APPEND);
    }

    /**
     * How many records the log holds for each id the tool was called with, as `mxcp log` exports them to DuckDB
     * (its listing leaves the arguments out).
     */
    private static Map<Long, Integer> recordedIds(Path project) {
        CommandResult export = mxcp.run(project, "log", "--tool", TOOL, "--export-duckdb", "exported.duckdb");
        assertEquals(0, export.exitCode(), export::describe);
        CommandResult ids = mxcp.run(project, "query", "--json-output", "ATTACH 'exported.duckdb' AS exported"
                + " (READ_ONLY); SELECT CAST(input_data->>'id' AS BIGINT) AS id, count(*) AS records"
                + " FROM exported.audit_logs GROUP BY id");
        assertEquals(0, ids.exitCode(), ids::describe);
        Map<Long, Integer> counts = new TreeMap<>();
        ids.json().path("result").forEach(row -> counts.put(row.path("id").asLong(), row.path("records").asInt()));
        return counts;
    }

    private static Path project(String name, String audit) throws IOException {
        Path project = Files.createDirectories(work.resolve(name));
        Files.writeString(project.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: crash
                profile: default
                profiles:
                  default:
                    audit: %s
                """.formatted(audit));
        Files.createDirectories(project.resolve("tools"));
        Files.writeString(project.resolve("tools/" + TOOL + ".yml"), """
                mxcp: 1
                tool:
                  name: %s
                  parameters: [{name: id, type: integer}]
                  return: {type: object, properties: {id: {type: integer}}}
                  source: {code: "SELECT $id AS id"}
                """.formatted(TOOL));
        return project;
    }
}
