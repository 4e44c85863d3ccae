package io.mxcp.audit.jsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.mxcp.audit.json.AuditRecordCodec;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * An audit log kept as JSON Lines segment files ({@link SegmentFiles}). Each open log writes segments of its own,
 * the first created at its first write and the next whenever one reached the maximum size, so logs opened one after
 * the other (a swapped backend, a restarted server) never append to the same file. Reads go over every segment of
 * the log, whoever wrote it, and the legacy file; they take no lock, as they only read lines a newline ended.
 */
final class JsonlAuditLog implements AuditLog {

    private final SegmentFiles files;
    private final long maxFileSize;
    private final Clock clock;
    private final AuditRecordCodec codec = new AuditRecordCodec();
    private final RecordFileReader reader = new RecordFileReader(codec);

    /** The segment being written, or null until the next write creates one; guarded by {@code this}. */
    private SegmentWriter current;
    private boolean closed;

    /**
     * A log over {@code files}; nothing is created before the first write.
     *
     * @param maxFileSize the size in bytes at which a segment is full
     * @param clock       names new segments
     */
    JsonlAuditLog(SegmentFiles files, long maxFileSize, Clock clock) {
        this.files = files;
        this.maxFileSize = maxFileSize;
        this.clock = clock;
    }

    @Override
    public synchronized void write(List<AuditRecord> records) throws IOException {
        if (closed) {
            throw new IllegalStateException("The audit log " + files.configuredPath() + " is closed");
        }
        if (records.isEmpty()) {
            return;
        }
        byte[] batch = codec.encode(records);
        // A full segment is closed here rather than after the batch that filled it, so that a failure to close it
        // cannot report that batch, already on disk, as not written. A segment deleted meanwhile (log-cleanup in
        // another process found it expired) would swallow the batch: it is left for a new one too.
        if (current != null && (current.size() >= maxFileSize || !Files.exists(current.path()))) {
            closeCurrent();
        }
        if (current == null) {
            current = files.createSegment(clock.instant());
        }
        try {
            current.append(batch);
        } catch (IOException e) {
            // The segment may end in part of the batch; no later batch may follow it there. One that holds nothing
            // goes: a full disk is retried every few seconds, and each retry would leave an empty file behind.
            SegmentWriter failed = current;
            try {
                closeCurrent();
                if (failed.size() == 0) {
                    Files.deleteIfExists(failed.path());
                }
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) throws IOException {
        NewestRecords newest = new NewestRecords(query.limit());
        long[] written = {0};
        forEachWritten(record -> {
            if (query.matches(record)) {
                newest.offer(record, written[0]);
            }
            written[0]++;
        });
        return newest.newestFirst();
    }

    @Override
    public Optional<AuditRecord> lastWritten() throws IOException {
        List<Path> written = files.inWriteOrder();
        for (int i = written.size() - 1; i >= 0; i--) {
            Optional<AuditRecord> last = reader.last(written.get(i));
            if (last.isPresent()) {
                return last;
            }
        }
        return Optional.empty();
    }

    @Override
    public void forEachWritten(Consumer<AuditRecord> visitor) throws IOException {
        for (Path file : files.inWriteOrder()) {
            reader.forEach(file, visitor);
        }
    }

    @Override
    public Map<String, Long> applyRetention(Instant now, Map<String, Integer> retentionDays, boolean dryRun)
            throws IOException {
        RetentionSweep sweep = new RetentionSweep(reader, now, retentionDays);
        List<Path> written = files.inWriteOrder();
        if (dryRun) {
            return sweep.countExpiredRecords(written);
        }
        // Only the segment being written is left alone. The sweep runs beside later writes without the lock: a
        // segment they start is not in the listing, and one they fill holds their fresh records.
        synchronized (this) {
            if (current != null) {
                written.remove(current.path());
            }
        }
        return sweep.deleteExpiredFiles(written);
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (current != null) {
            closeCurrent();
        }
    }

    private void closeCurrent() throws IOException {
        SegmentWriter closing = current;
        current = null;
        closing.close();
    }
}
