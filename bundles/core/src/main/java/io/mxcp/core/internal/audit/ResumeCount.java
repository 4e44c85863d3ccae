package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.mxcp.sdk.audit.AuditLog;

/**
 * Counts, on a thread of its own, what an audit log held when a writer took it up after a crash (its tail is not the
 * last checkpoint's head): how many records it had received, and how many of them no checkpoint signed. That takes
 * reading the whole log, seconds for a large one; a writer that waited for it before its first batch kept every record
 * of those seconds in memory only, where the next crash lost them (and made fail-closed calls wait). So the writer
 * writes meanwhile, and signs no checkpoint before the count is in. Records the log receives after the tail are the
 * writer's own, which it counts itself.
 */
final class ResumeCount {

    /** What the log held up to its tail: records received (retention's included) and of them not signed. */
    record Counts(long written, long unsigned) {
    }

    private static final System.Logger LOG = System.getLogger(ResumeCount.class.getName());
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(30);

    private final AuditLog log;
    private final Checkpoint last;
    private final String tailHash;
    private final Duration retryPause;
    private CompletableFuture<Counts> counting;
    /** When a failed count may start again ({@link System#nanoTime()}); meaningful while {@link #failed}. */
    private long retryAt;
    private boolean failed;

    /**
     * Starts counting.
     *
     * @param last     the newest checkpoint, or null when there is none
     * @param tailHash the hash of the log's last record when the writer took it up
     */
    ResumeCount(AuditLog log, Checkpoint last, String tailHash) {
        this(log, last, tailHash, RETRY_PAUSE);
    }

    /** @param retryPause how long a failed count waits before it starts again */
    ResumeCount(AuditLog log, Checkpoint last, String tailHash, Duration retryPause) {
        this.log = log;
        this.last = last;
        this.tailHash = tailHash;
        this.retryPause = retryPause;
        this.counting = start();
    }

    /**
     * The counts once they are in, else null. A count that failed is logged once and started again after a pause: a
     * log that cannot be read stays so for a while, and the writer polls at every batch.
     */
    Counts poll() {
        if (!counting.isDone()) {
            return null;
        }
        if (counting.state() == Future.State.SUCCESS) {
            return counting.resultNow();
        }
        if (!failed) {
            failed = true;
            retryAt = System.nanoTime() + retryPause.toNanos();
            LOG.log(Level.ERROR, "CRITICAL: counting the records of the audit log failed, so no checkpoint is signed"
                    + " yet; counting again in {0} s: {1}", retryPause.toSeconds(), counting.exceptionNow().getMessage());
        } else if (System.nanoTime() - retryAt >= 0) {
            failed = false;
            counting = start();
        }
        return null;
    }

    /** Waits for the counts (the writer stops); null, logged, when the count fails or the wait is interrupted. */
    Counts await() {
        try {
            return counting.get();
        } catch (ExecutionException e) {
            LOG.log(Level.ERROR, "CRITICAL: counting the records of the audit log failed, so the records written"
                    + " since the last checkpoint stay unsigned: {0}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "The records of the audit log were not counted before the writer stopped, so those"
                    + " written since the last checkpoint stay unsigned; the next writer counts them");
        }
        return null;
    }

    private CompletableFuture<Counts> start() {
        CompletableFuture<Counts> counts = new CompletableFuture<>();
        Thread.ofPlatform().name("mxcp-audit-count").daemon().start(() -> {
            try {
                counts.complete(count());
            } catch (IOException | RuntimeException e) {
                counts.completeExceptionally(e);
            }
        });
        return counts;
    }

    private Counts count() throws IOException {
        long[] seen = {0, -1}; // records read; the position of the last checkpoint's head among them
        long[] atTail = {0, -1}; // the same when the tail was read (the records after it are the writer's)
        log.forEachWritten(record -> {
            if (last != null && last.head().equals(record.recordHash())) {
                seen[1] = seen[0];
            }
            seen[0]++;
            if (tailHash.equals(record.recordHash())) {
                atTail[0] = seen[0];
                atTail[1] = seen[1];
            }
        });
        if (atTail[1] < 0) {
            // a log older than checkpoints (or whose checkpoints are gone): every record counts once
            return new Counts(atTail[0], atTail[0]);
        }
        long unsigned = atTail[0] - atTail[1] - 1;
        return new Counts(last.records() + unsigned, unsigned);
    }
}
