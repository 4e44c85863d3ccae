package io.mxcp.audit.jsonl;

import static io.mxcp.audit.jsonl.TestRecords.ENDPOINTS;
import static io.mxcp.audit.jsonl.TestRecords.fileNames;
import static io.mxcp.audit.jsonl.TestRecords.open;
import static io.mxcp.audit.jsonl.TestRecords.record;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

class JsonlAuditLogTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theBackendOpensALogBesideTheConfiguredPath() throws Exception {
        AuditBackend backend = new JsonlAuditBackend();
        assertEquals("jsonl", backend.backendName());

        try (AuditLog log = backend.open(new AuditLogSettings(dir.resolve("audit/logs-default.jsonl"), 1 << 20))) {
            log.write(List.of(record("a", NOW)));
            assertEquals(List.of(record("a", NOW)), log.query(AuditQuery.ALL));
        }
        List<String> names = fileNames(dir.resolve("audit"));
        assertEquals(1, names.size());
        assertTrue(names.get(0).matches("logs-default-\\d{8}T\\d{6}\\.jsonl"), names.toString());
    }

    @Test
    void eachOpenWritesASegmentOfItsOwn() throws Exception {
        try (JsonlAuditLog first = open(dir, NOW); JsonlAuditLog second = open(dir, NOW)) {
            first.write(List.of(record("a", NOW)));
            second.write(List.of(record("b", NOW)));
            first.write(List.of(record("c", NOW)));
        }
        try (JsonlAuditLog third = open(dir, NOW)) {
            third.write(List.of(record("d", NOW)));
        }

        assertEquals(List.of("logs-default-20260601T120000-2.jsonl", "logs-default-20260601T120000-3.jsonl",
                "logs-default-20260601T120000.jsonl"), fileNames(dir));
        assertEquals(List.of("a", "c"), idsIn("logs-default-20260601T120000.jsonl"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("logs-default-20260601T120000.jsonl"))), "records are the owner's only");
        assertEquals(List.of("b"), idsIn("logs-default-20260601T120000-2.jsonl"));
        assertEquals(List.of("d"), idsIn("logs-default-20260601T120000-3.jsonl"));
    }

    @Test
    void createsNothingBeforeTheFirstRecord() throws Exception {
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of());
            assertEquals(Optional.empty(), log.lastWritten());
        }
        assertEquals(List.of(), fileNames(dir));
    }

    @Test
    void startsANewSegmentOnceOneReachedTheMaximumSize() throws Exception {
        int lineLength = new AuditRecordCodec().encode(List.of(record("a", NOW))).length;
        try (JsonlAuditLog log = open(dir, NOW, 2L * lineLength)) {
            log.write(List.of(record("a", NOW)));
            log.write(List.of(record("b", NOW)));
            log.write(List.of(record("c", NOW), record("d", NOW), record("e", NOW)));
            log.write(List.of(record("f", NOW)));
        }

        assertEquals(List.of("logs-default-20260601T120000-2.jsonl", "logs-default-20260601T120000-3.jsonl",
                "logs-default-20260601T120000.jsonl"), fileNames(dir));
        assertEquals(List.of("a", "b"), idsIn("logs-default-20260601T120000.jsonl"));
        assertEquals(List.of("c", "d", "e"), idsIn("logs-default-20260601T120000-2.jsonl"));
        assertEquals(List.of("f"), idsIn("logs-default-20260601T120000-3.jsonl"));
    }

    @Test
    void readsTheLegacyFileFirstAndNeverWritesIt() throws Exception {
        byte[] legacy = new AuditRecordCodec().encode(List.of(record("old-1", NOW.minusSeconds(60)),
                record("old-2", NOW.minusSeconds(30))));
        Files.write(dir.resolve("logs-default.jsonl"), legacy);

        try (JsonlAuditLog log = open(dir, NOW)) {
            assertEquals(Optional.of(record("old-2", NOW.minusSeconds(30))), log.lastWritten());
            log.write(List.of(record("new", NOW)));

            assertEquals(List.of("old-1", "old-2", "new"), writtenIds(log));
            assertEquals(Optional.of(record("new", NOW)), log.lastWritten());
        }
        assertEquals(new String(legacy, UTF_8), Files.readString(dir.resolve("logs-default.jsonl")));
    }

    @Test
    void queriesFilterOrderNewestFirstAndLimit() throws Exception {
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of(
                    record("a", NOW.minusSeconds(30), ENDPOINTS, "greet", "alice"),
                    record("b", NOW.minusSeconds(10), ENDPOINTS, "greet", "bob"),
                    record("c", NOW.minusSeconds(20), ENDPOINTS, "sum", "alice")));
        }
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of(
                    record("d", NOW.minusSeconds(20), ENDPOINTS, "greet", "alice"),
                    record("e", NOW.minusSeconds(40), ENDPOINTS, "greet", "alice")));

            assertEquals(List.of("b", "d", "c", "a", "e"), ids(log.query(AuditQuery.ALL)));
            assertEquals(List.of("d", "a", "e"), ids(log.query(query(List.of("greet"), List.of("alice"), 0))));
            assertEquals(List.of("b", "d"), ids(log.query(query(List.of(), List.of(), 2))));
            assertEquals(List.of("d", "c"), ids(log.query(new AuditQuery(List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), NOW.minusSeconds(20), NOW.minusSeconds(15), 0))));
            assertEquals(List.of(), ids(log.query(query(List.of("missing"), List.of(), 0))));
        }
    }

    @Test
    void lastWrittenIsTheTailOfTheNewestSegmentWithRecords() throws Exception {
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of(record("a", NOW), record("b", NOW.minusSeconds(5))));
        }
        try (JsonlAuditLog log = open(dir, NOW.plusSeconds(1))) {
            log.write(List.of(record("c", NOW.minusSeconds(10))));
        }
        // Newer segments holding no readable record: an empty one and one whose only line was cut off.
        Files.createFile(dir.resolve("logs-default-20260601T120002.jsonl"));
        Files.writeString(dir.resolve("logs-default-20260601T120003.jsonl"), "{\"schema_name\":\"mxc");

        try (JsonlAuditLog log = open(dir, NOW)) {
            assertEquals("c", log.lastWritten().orElseThrow().recordId());
        }
    }

    @Test
    void lastWrittenReadsASegmentFromItsEndPassingOverACutOffLineAndOneThatIsNoRecord() throws Exception {
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of(record("a", NOW), record("b", NOW)));
        }
        Path segment = dir.resolve("logs-default-20260601T120000.jsonl");
        String b = Files.readAllLines(segment, UTF_8).get(1);
        // 3 GB the tail is read past without a look (a hole: nothing on disk), more than one line read from the start
        // can hold; then a line that is no record and one a crash cut off
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(("\n" + b + "\nnot a record\n{\"schema_na").getBytes(UTF_8)), 3L << 30);
        }
        try (JsonlAuditLog log = open(dir, NOW)) {
            assertEquals("b", log.lastWritten().orElseThrow().recordId());
        }
    }

    @Test
    void skipsACutOffLastLineQuietlyAndMalformedLinesWithAWarning() throws Exception {
        try (JsonlAuditLog log = open(dir, NOW)) {
            log.write(List.of(record("a", NOW), record("b", NOW)));
        }
        Path segment = dir.resolve("logs-default-20260601T120000.jsonl");
        String complete = Files.readString(segment);
        String[] lines = complete.split("\n");
        Files.writeString(segment, lines[0] + "\n" + "not a record\n" + lines[1] + "\n"
                + lines[1].substring(0, lines[1].length() / 2));

        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(RecordFileReader.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (JsonlAuditLog log = open(dir, NOW)) {
            assertEquals(List.of("a", "b"), writtenIds(log));
            assertEquals(List.of("a", "b"), ids(log.query(AuditQuery.ALL)).stream().sorted().toList());
            assertEquals("b", log.lastWritten().orElseThrow().recordId());
        } finally {
            logger.removeHandler(handler);
        }

        LogRecord first = warnings.get(0);
        assertEquals(Level.WARNING, first.getLevel());
        assertTrue(first.getMessage().startsWith("Skipping line 2 of the audit file " + segment + ": "),
                first.getMessage());
        assertTrue(warnings.stream().noneMatch(warning -> warning.getMessage().contains("line 4")),
                "an unfinished last line is what a reader beside a writing server sees: no warning");
    }

    @Test
    void retentionRunByAnotherLogLeavesASegmentStillBeingWrittenAlone() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(100));
        try (JsonlAuditLog server = open(dir, old); JsonlAuditLog cleanup = open(dir, NOW)) {
            server.write(List.of(record("quiet-server", old)));
            // log-cleanup beside a server: its own log writes nothing, the server's segment is locked by the server
            assertEquals(Map.of(), cleanup.applyRetention(NOW, Map.of(ENDPOINTS, 90), false));
            server.write(List.of(record("next-batch", NOW)));
            assertEquals(List.of("quiet-server", "next-batch"), writtenIds(cleanup));
        }
        try (JsonlAuditLog cleanup = open(dir, NOW.plusSeconds(1))) {
            assertEquals(Map.of(), cleanup.applyRetention(NOW, Map.of(ENDPOINTS, 90), false),
                    "once closed, the segment holds a recent record: kept");
        }
    }

    @Test
    void retentionDeletesWholeExpiredFilesWhileADryRunCountsExpiredRecords() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(100));
        // Legacy file and first segment: every record past 90 days.
        Files.write(dir.resolve("logs-default.jsonl"),
                new AuditRecordCodec().encode(List.of(record("legacy", NOW.minus(Duration.ofDays(200))))));
        try (JsonlAuditLog log = open(dir, old)) {
            log.write(List.of(record("old-1", old), record("old-2", old.plusSeconds(1))));
        }
        // Newest record 90 days and 23 hours old: 90 whole days, not more than 90.
        try (JsonlAuditLog log = open(dir, old.plusSeconds(2))) {
            log.write(List.of(record("edge", NOW.minus(Duration.ofDays(91)).plusSeconds(3600))));
        }
        // One old record beside a recent one: the file stays.
        try (JsonlAuditLog log = open(dir, old.plusSeconds(3))) {
            log.write(List.of(record("mixed-old", old), record("mixed-new", NOW.minus(Duration.ofDays(1)))));
        }
        // A schema the retention map does not name is kept however old.
        try (JsonlAuditLog log = open(dir, old.plusSeconds(4))) {
            log.write(List.of(record("custom", old, "acme.custom", "greet", "alice")));
        }
        List<String> before = fileNames(dir);

        try (JsonlAuditLog current = open(dir, NOW)) {
            // The segment being written is never deleted, whatever its records say.
            current.write(List.of(record("current-old", old)));
            Map<String, Integer> retention = Map.of(ENDPOINTS, 90);

            // record by record, as the sweep judges a file: more whole days than the retention (edge is not)
            assertEquals(Map.of("mxcp.endpoints:v1", 5L), current.applyRetention(NOW, retention, true));
            assertEquals(before.size() + 1, fileNames(dir).size());

            assertEquals(Map.of("mxcp.endpoints:v1", 3L), current.applyRetention(NOW, retention, false));
            assertEquals(List.of("edge", "mixed-old", "mixed-new", "custom", "current-old"), writtenIds(current));
            assertTrue(Files.notExists(dir.resolve("logs-default.jsonl")));
            assertTrue(Files.notExists(dir.resolve(before.get(0))));

            assertEquals(Map.of("mxcp.endpoints:v1", 2L), current.applyRetention(NOW, retention, true));
        }
    }

    @Test
    void aSchemaVersionsOwnRetentionComesBeforeItsNames() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(40));
        int[] versions = {3, 4, 2};
        for (int i = 0; i < versions.length; i++) {
            try (JsonlAuditLog log = open(dir, old.plusSeconds(i + 1))) {
                log.write(List.of(record("v" + versions[i], old, ENDPOINTS, versions[i], "greet", "alice")));
            }
        }
        Map<String, Integer> retention = Map.of(ENDPOINTS, 90, ENDPOINTS + ":v3", 30, ENDPOINTS + ":v4", 400);
        try (JsonlAuditLog current = open(dir, NOW)) {
            assertEquals(Map.of("mxcp.endpoints:v3", 1L), current.applyRetention(NOW, retention, false));
            assertEquals(List.of("v4", "v2"), writtenIds(current), "v4 is kept 400 days, v2 its name's 90");
        }
    }

    @Test
    void readersBesideAWriterSeeWhatWasWrittenSoFar() throws Exception {
        List<String> expected = IntStream.range(0, 1000).mapToObj(i -> "r" + i).toList();
        int lineLength = new AuditRecordCodec().encode(List.of(record("r999", NOW))).length;
        try (JsonlAuditLog writer = open(dir, NOW, 50L * lineLength); JsonlAuditLog reader = open(dir, NOW)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < expected.size(); i += 10) {
                    try {
                        writer.write(expected.subList(i, i + 10).stream().map(id -> record(id, NOW)).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            while (!writing.isDone()) {
                List<String> seen = writtenIds(reader);
                assertEquals(expected.subList(0, seen.size()), seen);
                Optional<AuditRecord> last = reader.lastWritten();
                assertTrue(last.isPresent() || seen.isEmpty());
                last.ifPresent(record -> assertTrue(expected.indexOf(record.recordId()) >= seen.size() - 1));
            }
            writing.join();
            assertEquals(expected, writtenIds(reader));
            assertEquals("r999", reader.lastWritten().orElseThrow().recordId());
        }
    }

    @Test
    void writingAfterCloseFailsButReadingStillWorks() throws Exception {
        JsonlAuditLog log = open(dir, NOW);
        log.write(List.of(record("a", NOW)));
        log.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.write(List.of(record("b", NOW))));
        assertEquals("The audit log " + dir.resolve("logs-default.jsonl") + " is closed", e.getMessage());
        assertEquals(List.of("a"), writtenIds(log));
    }

    private static AuditQuery query(List<String> names, List<String> users, int limit) {
        return new AuditQuery(List.of(), names, List.of(), List.of(), users, List.of(), List.of(), null, null, limit);
    }

    private List<String> idsIn(String segment) throws Exception {
        return Files.readAllLines(dir.resolve(segment)).stream()
                .map(line -> new AuditRecordCodec().decode(line.getBytes(UTF_8)).recordId())
                .toList();
    }

    private static List<String> writtenIds(AuditLog log) throws Exception {
        List<String> ids = new ArrayList<>();
        log.forEachWritten(record -> ids.add(record.recordId()));
        return ids;
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::recordId).toList();
    }
}
