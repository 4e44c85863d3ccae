package io.mxcp.audit.jsonl;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Applies the schemas' retention to a log's files. Files are append-only, so records are removed a whole file at a
 * time: a file goes once its newest record is older than the longest retention among its records' schemas. A file
 * that cannot be read or deleted is logged and left for the next sweep.
 */
final class RetentionSweep {

    private static final System.Logger LOG = System.getLogger(RetentionSweep.class.getName());

    private final RecordFileReader reader;
    private final Instant now;
    private final Map<String, Integer> retentionDays;

    /**
     * A sweep as of {@code now}.
     *
     * @param retentionDays days to keep records, by schema version or name ({@link AuditLog#retentionOf})
     */
    RetentionSweep(RecordFileReader reader, Instant now, Map<String, Integer> retentionDays) {
        this.reader = reader;
        this.now = now;
        this.retentionDays = retentionDays;
    }

    /** Deletes the expired files among {@code files}; returns their records, counted by schema and version. */
    Map<String, Long> deleteExpiredFiles(List<Path> files) {
        Map<String, Long> removed = new TreeMap<>();
        for (Path file : files) {
            // A segment a log (of this process or another) still writes to is locked by it: a batch could land
            // between reading the file and deleting it.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                    FileLock unused = channel.tryLock()) {
                if (unused == null) {
                    continue;
                }
                FileAge age = new FileAge();
                reader.forEach(file, age);
                if (age.expired()) {
                    Files.delete(file);
                    age.counts.forEach((schema, count) -> removed.merge(schema, count, Long::sum));
                }
            } catch (OverlappingFileLockException inUseHere) {
                // a log of this process writes to it
            } catch (NoSuchFileException gone) {
                // removed meanwhile (by another sweep)
            } catch (IOException e) {
                skip(file, e);
            }
        }
        return removed;
    }

    /**
     * Counts, without deleting anything, the records of {@code files} that are past their schema's retention, record
     * by record (so also those a real sweep keeps because their file holds newer ones).
     */
    Map<String, Long> countExpiredRecords(List<Path> files) {
        Map<String, Long> expired = new TreeMap<>();
        for (Path file : files) {
            Map<String, Long> inFile = new TreeMap<>();
            try {
                reader.forEach(file, record -> {
                    Integer days = AuditLog.retentionOf(retentionDays, record.schemaName(), record.schemaVersion());
                    if (days != null && ChronoUnit.DAYS.between(record.timestamp(), now) > days) {
                        inFile.merge(key(record), 1L, Long::sum);
                    }
                });
            } catch (IOException e) {
                skip(file, e);
                continue;
            }
            inFile.forEach((schema, count) -> expired.merge(schema, count, Long::sum));
        }
        return expired;
    }

    private static void skip(Path file, IOException e) {
        LOG.log(Level.WARNING, () -> "Audit retention skips " + file + ": " + e.getMessage(), e);
    }

    private static String key(AuditRecord record) {
        return record.schemaName() + ":v" + record.schemaVersion();
    }

    /** What a file's records say about its age, and how many records of each schema version it holds. */
    private final class FileAge implements Consumer<AuditRecord> {

        private final Map<String, Long> counts = new TreeMap<>();
        private Instant newest;
        private int longestRetention;
        private boolean keptForGood;

        @Override
        public void accept(AuditRecord record) {
            Integer days = AuditLog.retentionOf(retentionDays, record.schemaName(), record.schemaVersion());
            if (days == null) {
                keptForGood = true;
            } else {
                longestRetention = Math.max(longestRetention, days);
            }
            if (newest == null || record.timestamp().isAfter(newest)) {
                newest = record.timestamp();
            }
            counts.merge(key(record), 1L, Long::sum);
        }

        /** Whether whole days since the newest record exceed the longest retention; a file without records stays. */
        boolean expired() {
            return newest != null && !keptForGood && ChronoUnit.DAYS.between(newest, now) > longestRetention;
        }
    }
}
