package io.mxcp.audit.sqlite;

import static io.mxcp.audit.sqlite.Records.ENDPOINTS;
import static io.mxcp.audit.sqlite.Records.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.audit.json.SampleRecords;
import io.mxcp.audit.sqlite.Records.Call;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

class SqliteAuditLogTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theBackendOpensADatabaseBesideTheConfiguredPath() throws Exception {
        AuditBackend backend = new SqliteAuditBackend();
        assertEquals("sqlite", backend.backendName());

        try (AuditLog log = backend.open(new AuditLogSettings(dir.resolve("audit/logs-default.jsonl"), 1))) {
            log.write(List.of(record("a", NOW), record("b", NOW)));
            assertEquals(2, log.query(AuditQuery.ALL).size(), "maxFileSize does not apply");
        }
        assertTrue(Files.isRegularFile(dir.resolve("audit/logs-default.sqlite")));
        assertTrue(Files.notExists(dir.resolve("audit/logs-default.jsonl")));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("audit/logs-default.sqlite"))), "records are the owner's only");

        try (AuditLog log = backend.open(new AuditLogSettings(dir.resolve("other/audit"), 1))) {
            assertEquals(Optional.empty(), log.lastWritten());
        }
        assertTrue(Files.isRegularFile(dir.resolve("other/audit.sqlite")));
    }

    /**
     * No shared-memory index while records are written: WAL maps its {@code -shm} file, and a write to that map on
     * storage turned read-only under the server ended the whole process with SIGBUS instead of a failed, retried batch.
     */
    @Test
    void writingMapsNoSharedMemoryFile() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW)));
            try (SqliteAuditLog reader = open()) {
                assertEquals(1, reader.query(AuditQuery.ALL).size());
                log.write(List.of(record("b", NOW)));
                assertTrue(Files.notExists(dir.resolve("logs-default.sqlite-shm")), "a -shm file beside the database");
            }
        }
    }

    @Test
    void aFullRecordReadsBackEqualWithItsNumberTypes() throws Exception {
        AuditRecord full = SampleRecords.full();
        AuditRecord sparse = SampleRecords.sparse();

        try (SqliteAuditLog log = open()) {
            log.write(List.of(full, sparse));
        }
        try (SqliteAuditLog log = open()) {
            List<AuditRecord> read = new ArrayList<>();
            log.forEachWritten(read::add);

            assertEquals(List.of(full, sparse), read);
            assertEquals(List.of(sparse, full), log.query(AuditQuery.ALL));
            assertEquals(Optional.of(sparse), log.lastWritten());
            AuditRecordCodec codec = new AuditRecordCodec();
            // the hash-chain check hashes a record read back: it must be written again byte for byte
            assertArrayEquals(codec.encode(List.of(full, sparse)), codec.encode(read));
            assertInstanceOf(Integer.class, read.get(0).inputData().get("count"));
            assertInstanceOf(Long.class, read.get(0).inputData().get("big"));
            assertInstanceOf(Double.class, read.get(0).inputData().get("ratio"));
        }
    }

    @Test
    void queriesFilterOnEveryListAndTheTimeRangeNewestFirst() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(
                    new Call("a", NOW.minusSeconds(50)).build(),
                    new Call("b", NOW.minusSeconds(40)).type("resource").name("data://x").build(),
                    new Call("c", NOW.minusSeconds(30)).status("error").decision("deny").build(),
                    new Call("d", NOW.minusSeconds(20)).user("bob").session("s-1").trace("t-1").build(),
                    new Call("e", NOW.minusSeconds(10)).user(null).decision(null).trace("t-2").build()));

            assertEquals(List.of("e", "d", "c", "b", "a"), ids(log.query(AuditQuery.ALL)));
            assertEquals(List.of("b"), ids(log.query(filter(0, List.of("resource"), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of()))));
            assertEquals(List.of("b", "a"), ids(log.query(filter(0, List.of("resource", "tool"), List.of("data://x",
                    "sum", "greet"), List.of("success"), List.of("allow"), List.of("alice"), List.of(), List.of()))));
            assertEquals(List.of("c"), ids(log.query(filter(0, List.of(), List.of(), List.of("error"), List.of(),
                    List.of(), List.of(), List.of()))));
            assertEquals(List.of("c"), ids(log.query(filter(0, List.of(), List.of(), List.of(), List.of("deny"),
                    List.of(), List.of(), List.of()))));
            assertEquals(List.of("d"), ids(log.query(filter(0, List.of(), List.of(), List.of(), List.of(),
                    List.of("bob", "carol"), List.of(), List.of()))));
            assertEquals(List.of("d"), ids(log.query(filter(0, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of("s-1"), List.of()))));
            assertEquals(List.of("e", "d"), ids(log.query(filter(0, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of("t-1", "t-2")))));
            assertEquals(List.of("e", "d"), ids(log.query(filter(2, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of()))));
            assertEquals(List.of(), ids(log.query(filter(0, List.of("missing"), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of()))));
            // both ends inclusive
            assertEquals(List.of("c", "b"), ids(log.query(between(NOW.minusSeconds(40), NOW.minusSeconds(30)))));
            // a bound between two microseconds: the record of the earlier one is before it, of the later one after
            assertEquals(List.of("b"), ids(log.query(between(NOW.minusSeconds(40).minusNanos(1),
                    NOW.minusSeconds(30).minusNanos(1)))));
        }
    }

    @Test
    void recordsOfTheSameTimeComeLaterWrittenFirst() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW), record("b", NOW.minusSeconds(1)), record("c", NOW)));
            log.write(List.of(record("d", NOW)));

            assertEquals(List.of("d", "c", "a", "b"), ids(log.query(AuditQuery.ALL)));
            assertEquals(List.of("d", "c"), ids(log.query(filter(2, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of()))));
        }
    }

    @Test
    void filterValuesAreNeverReadAsSql() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW)));

            assertEquals(List.of(), log.query(filter(0, List.of(), List.of("x') OR 1=1 OR ('"), List.of(),
                    List.of(), List.of(), List.of(), List.of())));
            assertEquals(List.of(), log.query(filter(0, List.of(), List.of(), List.of(), List.of(),
                    List.of("alice' OR 'a'='a"), List.of(), List.of())));
        }
    }

    @Test
    void lastWrittenIsTheRecordWrittenLastWhateverItsTime() throws Exception {
        try (SqliteAuditLog log = open()) {
            assertEquals(Optional.empty(), log.lastWritten());
            log.write(List.of(record("a", NOW), record("b", NOW.minusSeconds(60))));
            assertEquals("b", log.lastWritten().orElseThrow().recordId());
            log.write(List.of());
            assertEquals("b", log.lastWritten().orElseThrow().recordId());
        }
    }

    @Test
    void everyRecordIsVisitedInWriteOrderAcrossBatchesAndOpens() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW), record("b", NOW.minusSeconds(60))));
        }
        try (SqliteAuditLog first = open(); SqliteAuditLog second = open()) {
            first.write(List.of(record("c", NOW.minusSeconds(120))));
            second.write(List.of(record("d", NOW), record("e", NOW.minusSeconds(1))));
            first.write(List.of(record("f", NOW)));

            assertEquals(List.of("a", "b", "c", "d", "e", "f"), writtenIds(second));
        }
        try (SqliteAuditLog log = open()) {
            assertEquals(List.of("a", "b", "c", "d", "e", "f"), writtenIds(log));
        }
    }

    @Test
    void retentionRemovesOnlyTheOldestRunOfExpiredRecords() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(100));
        try (SqliteAuditLog log = open()) {
            log.write(List.of(
                    record("old-1", old),
                    new Call("old-2", old.plusSeconds(1)).version(2).build(),
                    record("old-access", old, "mxcp.access"),
                    // 90 days and 23 hours: 90 whole days, not more than 90
                    record("edge", NOW.minus(Duration.ofDays(91)).plusSeconds(3600)),
                    record("old-after-edge", old),
                    record("new", NOW.minus(Duration.ofDays(1)))));
            Map<String, Integer> retention = Map.of(ENDPOINTS, 90, "mxcp.access", 30);
            Map<String, Long> expected = Map.of("mxcp.endpoints:v1", 1L, "mxcp.endpoints:v2", 1L,
                    "mxcp.access:v1", 1L);

            assertEquals(expected, log.applyRetention(NOW, retention, true));
            assertEquals(6, writtenIds(log).size(), "a dry run deletes nothing");

            assertEquals(expected, log.applyRetention(NOW, retention, false));
            assertEquals(List.of("edge", "old-after-edge", "new"), writtenIds(log));
            assertEquals(Map.of(), log.applyRetention(NOW, retention, false));

            log.write(List.of(record("next", NOW)));
            assertEquals(List.of("edge", "old-after-edge", "new", "next"), writtenIds(log));
        }
    }

    @Test
    void aSchemaVersionsOwnRetentionComesBeforeItsNames() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(40));
        try (SqliteAuditLog log = open()) {
            log.write(List.of(new Call("v3", old).version(3).build(), new Call("v4", old.plusSeconds(1)).version(4)
                    .build(), new Call("v2", old.plusSeconds(2)).version(2).build()));
            Map<String, Integer> retention = Map.of(ENDPOINTS, 90, ENDPOINTS + ":v3", 30, ENDPOINTS + ":v4", 400);

            assertEquals(Map.of("mxcp.endpoints:v3", 1L), log.applyRetention(NOW, retention, false));
            assertEquals(List.of("v4", "v2"), writtenIds(log), "v4 is kept 400 days, v2 its name's 90");
        }
    }

    @Test
    void retentionKeepsEverythingFromTheFirstRecordOfASchemaWithoutRetention() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(100));
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("old-1", old), record("custom", old, "acme.custom"), record("old-2", old)));

            assertEquals(Map.of("mxcp.endpoints:v1", 1L), log.applyRetention(NOW, Map.of(ENDPOINTS, 90), false));
            assertEquals(List.of("custom", "old-2"), writtenIds(log));
            assertEquals(Map.of(), log.applyRetention(NOW, Map.of(), false));
            assertEquals(List.of("custom", "old-2"), writtenIds(log));
        }
    }

    @Test
    void retentionOfEveryRecordLeavesAnEmptyLogThatGoesOn() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW.minus(Duration.ofDays(10))), record("b", NOW.minus(Duration.ofDays(9)))));

            assertEquals(Map.of("mxcp.endpoints:v1", 2L), log.applyRetention(NOW, Map.of(ENDPOINTS, 1), false));
            assertEquals(Optional.empty(), log.lastWritten());
            log.write(List.of(record("c", NOW)));
            assertEquals(List.of("c"), writtenIds(log));
        }
    }

    @Test
    void aColumnChangedByHandReachesTheVerificationSoTheRecordNoLongerMatchesItsHash() throws Exception {
        try (SqliteAuditLog log = open()) {
            log.write(List.of(record("a", NOW), record("b", NOW)));
            List<AuditRecord> asWritten = new ArrayList<>();
            log.forEachWritten(asWritten::add);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("logs-default.sqlite"));
                    Statement hide = other.createStatement()) {
                // hides b from `mxcp log --user alice` without touching its record
                hide.executeUpdate("UPDATE audit_records SET user_id = 'nobody' WHERE record_id = 'b'");
            }
            List<AuditRecord> verified = new ArrayList<>();
            log.forEachWritten(verified::add);

            assertEquals(asWritten.getFirst(), verified.getFirst(), "an untouched row is its record");
            assertEquals("nobody", verified.get(1).userId(), "the column's value, which the record's hash does not"
                    + " cover: the verification reports the row as changed");
            assertEquals(asWritten.get(1).recordHash(), verified.get(1).recordHash());
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsNamedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("logs-default.sqlite"), "just some text, not SQLite\n".repeat(100));

        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().startsWith("Cannot open the audit database " + file + ": "), e.getMessage());
    }

    @Test
    void aDatabaseOfANewerLayoutIsRefused() throws Exception {
        open().close();
        Path file = dir.resolve("logs-default.sqlite");
        execute(file, "PRAGMA user_version = 2");

        IOException e = assertThrows(IOException.class, this::open);
        assertEquals("The audit database " + file + " has layout version 2, which this version of MXCP cannot read"
                + " (it reads version 1)", e.getMessage());
    }

    @Test
    void aDatabaseOfSomethingElseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("logs-default.sqlite");
        execute(file, "CREATE TABLE notes (text TEXT)");

        IOException e = assertThrows(IOException.class, this::open);
        assertEquals("The audit database " + file + " holds tables of something else: not an MXCP audit log",
                e.getMessage());
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws Exception {
        Path blocker = Files.createFile(dir.resolve("blocker"));

        IOException e = assertThrows(IOException.class,
                () -> new SqliteAuditBackend().open(new AuditLogSettings(blocker.resolve("audit/logs.jsonl"), 1)));
        assertTrue(e.getMessage().startsWith("Cannot create the audit log folder " + blocker.resolve("audit")),
                e.getMessage());
    }

    @Test
    void aBatchWithARecordJsonCannotHoldIsRefusedWhole() throws Exception {
        AuditRecord odd = new AuditRecord(ENDPOINTS, 1, "r-9", NOW, "tool", "greet", "success", 1, "http", null,
                null, null, Map.of("odd", new Object()), null, null, List.of(), null, null, Map.of(), List.of(), null,
                null, null);
        try (SqliteAuditLog log = open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> log.write(List.of(record("a", NOW), odd)));
            assertTrue(e.getMessage().startsWith("Audit record r-9 cannot be written as JSON"), e.getMessage());
            assertEquals(List.of(), writtenIds(log));
        }
    }

    @Test
    void writingAfterCloseFailsButReadingStillWorks() throws Exception {
        SqliteAuditLog log = open();
        log.write(List.of(record("a", NOW)));
        log.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.write(List.of(record("b", NOW))));
        assertEquals("The audit log " + dir.resolve("logs-default.sqlite") + " is closed", e.getMessage());
        assertEquals(List.of("a"), writtenIds(log));
        log.close();
    }

    @Test
    void readersAndAnotherWriterBesideAWriterSeeConsistentRecordsAndNeverFail() throws Exception {
        List<String> expected = IntStream.range(0, 2000).mapToObj(i -> "r" + i).toList();
        // threads of their own: the common pool may run one task at a time on a small machine
        try (ExecutorService threads = Executors.newFixedThreadPool(2); SqliteAuditLog writer = open();
                SqliteAuditLog reader = open(); SqliteAuditLog other = open()) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < expected.size(); i += 10) {
                    write(writer, expected.subList(i, i + 10).stream().map(id -> record(id, NOW)).toList());
                }
            }, threads);
            // another log on the same file writing at the same time (a second process): it waits for the lock
            CompletableFuture<Void> competing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    int batch = i;
                    write(other, IntStream.range(0, 10).mapToObj(j -> record("other-" + batch + "-" + j, NOW))
                            .toList());
                }
            }, threads);
            int rounds = 0;
            while (!writing.isDone() || !competing.isDone() || rounds < 3) {
                List<String> seen = writtenIds(reader).stream().filter(id -> id.startsWith("r")).toList();
                // whole batches only, in write order
                assertEquals(expected.subList(0, seen.size()), seen);
                assertEquals(0, seen.size() % 10, "a batch is seen whole or not at all");
                List<AuditRecord> newest = reader.query(filter(5, List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of()));
                assertTrue(newest.size() <= 5);
                Optional<AuditRecord> last = reader.lastWritten();
                assertTrue(last.isPresent() || seen.isEmpty());
                rounds++;
            }
            writing.join();
            competing.join();
            List<String> all = writtenIds(reader);
            assertEquals(expected, all.stream().filter(id -> id.startsWith("r")).toList());
            assertEquals(expected.size() + 2000, all.size());
        }
    }

    @Test
    void aBatchThatWaitedOutAnotherProcesssLockFailsAndTheNextIsWrittenOnce() throws Exception {
        try (SqliteAuditLog log = open();
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("logs-default.sqlite"));
                Statement holding = other.createStatement()) {
            holding.execute("BEGIN IMMEDIATE");
            IOException busy = assertThrows(IOException.class, () -> log.write(List.of(record("a", NOW))));
            assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
            holding.execute("ROLLBACK");

            log.write(List.of(record("b", NOW), record("c", NOW)));
            log.write(List.of(record("d", NOW)));
            assertEquals(List.of("b", "c", "d"), writtenIds(log), "each batch once, as one transaction");
        }
    }

    private static void write(AuditLog log, List<AuditRecord> batch) {
        try {
            log.write(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SqliteAuditLog open() throws IOException {
        return SqliteAuditLog.open(AuditDatabase.beside(dir.resolve("logs-default.jsonl")));
    }

    private static void execute(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static AuditQuery filter(int limit, List<String> types, List<String> names, List<String> statuses,
            List<String> decisions, List<String> users, List<String> sessions, List<String> traces) {
        return new AuditQuery(types, names, statuses, decisions, users, sessions, traces, null, null, limit);
    }

    private static AuditQuery between(Instant since, Instant until) {
        return new AuditQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), since,
                until, 0);
    }

    private static List<String> writtenIds(AuditLog log) throws IOException {
        List<String> ids = new ArrayList<>();
        log.forEachWritten(record -> ids.add(record.recordId()));
        return ids;
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::recordId).toList();
    }
}
