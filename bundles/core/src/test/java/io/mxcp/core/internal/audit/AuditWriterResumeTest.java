package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A writer taking up a log after a crash (records after the last checkpoint) writes its first batch without waiting
 * for a read of the whole log — seconds for a large one, while every record stays in memory only (AuditCrashIT saw a
 * restarted server lose 2 s of records to the next kill) — and still signs the right count once it is in.
 */
class AuditWriterResumeTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    @Test
    void theFirstBatchIsWrittenWhileTheLogIsStillBeingCounted() throws Exception {
        SlowLog log = new SlowLog(List.of(record("a", null)));
        AuditBackends backends = new AuditBackends();
        backends.add(log.backend());
        CheckpointFile checkpoints = new CheckpointFile(dir.resolve("log.checkpoints.jsonl"));
        AuditWriter writer = new AuditWriter(backends, List.of(new LogTarget("jsonl", backends,
                new AuditLogSettings(dir.resolve("log.jsonl"), 1 << 20))), dir.resolve("log.jsonl"),
                new ChainCheckpoints(checkpoints, dir.resolve("log.signing-key")));
        try {
            writer.submit(record("b", null));
            assertTrue(log.written.await(10, TimeUnit.SECONDS), "the record was not written while the log was read");
            assertEquals(log.records.get(0).recordHash(), log.records.get(1).prevHash(), "it continues the chain");
        } finally {
            log.readable.countDown();
            writer.close();
        }
        List<Checkpoint> signed = checkpoints.readAll();
        assertEquals(1, signed.size(), "the writer's stop signs the log");
        assertEquals(2, signed.getFirst().records(), "the record found at the restart and the one written since");
        assertEquals(log.records.get(1).recordHash(), signed.getFirst().head());
    }

    @Test
    void aCountThatFailsIsStartedAgainAfterAPauseNotAtEveryBatch() throws Exception {
        SlowLog log = new SlowLog(List.of(record("a", null)));
        log.readable.countDown();
        log.unreadable = new IOException("Input/output error");
        ResumeCount count = new ResumeCount(log, null, log.records.getFirst().recordHash(), Duration.ofMillis(300));
        long pollsUntil = System.nanoTime() + Duration.ofMillis(150).toNanos();
        while (System.nanoTime() < pollsUntil) {
            assertNull(count.poll(), "no counts while the log cannot be read");
            Thread.sleep(2);
        }
        assertEquals(1, log.reads.get(), "the writer polls at every batch: a failed count must not start each time");

        log.unreadable = null;
        ResumeCount.Counts counts = null;
        for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); counts == null
                && System.nanoTime() < until; Thread.sleep(5)) {
            counts = count.poll();
        }
        assertEquals(new ResumeCount.Counts(1, 1), counts, "counted again after the pause");
        assertEquals(2, log.reads.get());
    }

    private static AuditRecord record(String name, String previousHash) {
        return RecordHashes.linked(new AuditRecord("mxcp.endpoints", 2, "id-" + name, AT, "tool", "t", "success", 1,
                "http", null, null, null, Map.of("name", name), null, null, List.of(), null, null, Map.of(), List.of(),
                null, null, null), previousHash);
    }

    /** A log whose full read (as a large log's) takes until the test lets it go on. */
    private static final class SlowLog implements AuditLog {

        final List<AuditRecord> records = new CopyOnWriteArrayList<>();
        final CountDownLatch readable = new CountDownLatch(1);
        final CountDownLatch written = new CountDownLatch(1);
        final AtomicInteger reads = new AtomicInteger();
        /** What a full read fails with, when set. */
        volatile IOException unreadable;

        SlowLog(List<AuditRecord> before) {
            records.addAll(before);
        }

        AuditBackend backend() {
            return new AuditBackend() {
                @Override
                public String backendName() {
                    return "jsonl";
                }

                @Override
                public AuditLog open(AuditLogSettings settings) {
                    return SlowLog.this;
                }
            };
        }

        @Override
        public void write(List<AuditRecord> batch) {
            records.addAll(batch);
            written.countDown();
        }

        @Override
        public List<AuditRecord> query(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AuditRecord> lastWritten() {
            return Optional.of(records.getLast());
        }

        @Override
        public void forEachWritten(Consumer<AuditRecord> visitor) throws IOException {
            reads.incrementAndGet();
            if (unreadable != null) {
                throw unreadable;
            }
            try {
                readable.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            records.forEach(visitor);
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
