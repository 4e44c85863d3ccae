package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/** What a backend that failed while another took the records gets once it can be written again. */
class LogTargetTest {

    private final List<AuditRecord> stored = new ArrayList<>();
    private final List<Integer> writeSizes = new ArrayList<>();
    private IOException failure;
    private Error error;

    @Test
    void aTargetThatCanBeWrittenAgainGetsWhatItMissedInOrderBeforeTheNextBatch() throws Exception {
        LogTarget target = target(new Backlog());
        failure = new IOException("database is locked");
        long before = System.nanoTime();
        assertThrows(IOException.class, () -> target.write(records(0, 2)));
        target.keep(records(0, 2));
        assertTrue(target.behind());
        assertTrue(target.retryAt() - before >= 100_000_000, "a failed target waits out its back-off");
        assertFalse(target.due(target.retryAt() - 1));

        failure = null;
        target.write(records(2, 3));
        assertEquals(List.of("r0", "r1", "r2"), stored.stream().map(AuditRecord::recordId).toList());
        assertFalse(target.behind());
        assertTrue(target.due(System.nanoTime()));
    }

    @Test
    void aTargetKeepsTheNewestRecordsUpToItsBacklogsSizeAndWritesThemInChunks() throws Exception {
        long perRecord = Backlog.estimatedSize(records(0, 1).getFirst());
        LogTarget target = target(new Backlog(perRecord * 1000));
        failure = new IOException("database is locked");
        assertThrows(IOException.class, () -> target.write(records(0, 1)));
        target.keep(records(0, 1010));

        failure = null;
        target.write(List.of());
        assertEquals(1000, stored.size(), "the oldest records beyond the backlog's size are dropped");
        assertEquals("r10", stored.getFirst().recordId());
        assertEquals("r1009", stored.getLast().recordId());
        assertTrue(writeSizes.stream().allMatch(size -> size <= 256), "no write of the whole backlog at once");
    }

    @Test
    void aRecordsSizeCountsItsData() {
        AuditRecord small = records(0, 1).getFirst();
        AuditRecord large = new AuditRecord("mxcp.endpoints", 2, "big", Instant.EPOCH, "tool", "t", "success", 0,
                "http", null, null, null, Map.of("text", "x".repeat(100_000)), List.of(Map.of("row", "y".repeat(50_000))),
                null, List.of(), null, null, Map.of(), List.of(), null, null, null);
        assertTrue(Backlog.estimatedSize(large) - Backlog.estimatedSize(small) >= 150_000);
    }

    @Test
    void anErrorFromABackendIsThatTargetsFailure() {
        LogTarget target = target(new Backlog());
        error = new StackOverflowError("deep");
        IOException failed = assertThrows(IOException.class, () -> target.write(records(0, 1)));
        assertTrue(failed.getMessage().contains("StackOverflowError"), failed.getMessage());
        assertFalse(target.due(target.retryAt() - 1), "it backs off like any failure");
    }

    @Test
    void itsStateNamesTheFileItsBackendKeepsTheLogIn() {
        AuditLogSettings settings = new AuditLogSettings(Path.of("audit/log.jsonl"), 1 << 20);
        AuditBackends keepingItsOwnFile = installed("db", path -> path.resolveSibling("log.db"));
        assertEquals(Path.of("audit/log.db"), new LogTarget("db", keepingItsOwnFile, settings).state().path());
        assertEquals(Path.of("audit/log.jsonl"), target(new Backlog()).state().path(),
                "a backend that names no file of its own: the configured path");
    }

    private LogTarget target(Backlog backlog) {
        return new LogTarget("mirror", installed("mirror", UnaryOperator.identity()),
                new AuditLogSettings(Path.of("audit/log.jsonl"), 1 << 20), backlog);
    }

    /** A backend of the name storing in the test's list, its log kept where {@code location} says. */
    private AuditBackends installed(String name, UnaryOperator<Path> location) {
        AuditBackends backends = new AuditBackends();
        backends.add(new AuditBackend() {
            @Override
            public String backendName() {
                return name;
            }

            @Override
            public AuditLog open(AuditLogSettings settings) {
                return new ListLog();
            }

            @Override
            public Path location(AuditLogSettings settings) {
                return location.apply(settings.path());
            }
        });
        return backends;
    }

    private static List<AuditRecord> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new AuditRecord("mxcp.endpoints", 2, "r" + i,
                Instant.EPOCH.plusSeconds(i), "tool", "t", "success", 0, "http", null, null, null, Map.of(), null, null,
                List.of(), null, null, Map.of(), List.of(), null, null, null)).toList();
    }

    /** A log that stores in the test's list, failing while the test says so. */
    private final class ListLog implements AuditLog {

        @Override
        public void write(List<AuditRecord> records) throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            writeSizes.add(records.size());
            stored.addAll(records);
        }

        @Override
        public List<AuditRecord> query(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AuditRecord> lastWritten() {
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored.getLast());
        }

        @Override
        public void forEachWritten(Consumer<AuditRecord> visitor) {
            stored.forEach(visitor);
        }

        @Override
        public Map<String, Long> applyRetention(Instant now, Map<String, Integer> retentionDays, boolean dryRun) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
