package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Writes one project's audit records off the call path (spec 03 §3): calls hand records over without waiting, and
 * one thread chains their hashes and writes them in batches to every configured backend ({@link LogTargets}). A batch
 * is written once one backend took it; a backend that failed gets it later, ahead of its next batch. A batch that no
 * backend can take — none installed, a full disk — is kept and retried, logged as critical each time, never dropped;
 * {@link #close} writes what is still queued, waiting a bounded time, and saves what it could not write to a file
 * ({@link AuditSpill}) rather than lose it with the process. A call that must not complete unrecorded
 * (fail-closed mode) queues its record with {@link #submitConfirmed} and waits on the completion the batch holding it
 * completes once written, or fails as soon as a write fails. The chain is signed now and then
 * ({@link ChainCheckpoints}).
 */
final class AuditWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AuditWriter.class.getName());
    private static final int MAX_BATCH = 256;
    private static final long POLL_MILLIS = 100;
    /**
     * How long the writer lets records gather after the first one: one forced write then covers every call that
     * ended meanwhile, instead of one per call when calls come one after another.
     */
    private static final long GATHER_MILLIS = 5;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final AuditBackends backends;
    private final LogTargets targets;
    /** The profile's log path, naming the log in messages. */
    private final Path path;
    private final ChainCheckpoints checkpoints;
    private final WriterLock writerLock;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Consumer<AuditBackend> releaseOnRemoval = this::release;
    private final Thread thread;
    private volatile boolean closing;
    /** Why the last write failed; null once a write succeeded again. */
    private volatile IOException failure;

    /** Guards the targets' logs, which a backend's removal closes from another thread. */
    private final Object logLock = new Object();

    // used by the writer thread only
    private final List<Queued> batch = new ArrayList<>();
    /** The batch's records linked into the chain, null until they are. */
    private List<AuditRecord> chained;
    private boolean tailKnown;
    private String lastHash;

    /** @param targets the backends' logs to write to, in the order they are preferred for the chain's tail */
    AuditWriter(AuditBackends backends, List<LogTarget> targets, Path path, ChainCheckpoints checkpoints) {
        this.backends = backends;
        this.targets = new LogTargets(targets);
        this.path = path;
        this.checkpoints = checkpoints;
        this.writerLock = WriterLock.take(path);
        backends.onRemoval(releaseOnRemoval);
        thread = Thread.ofPlatform().name("mxcp-audit-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /** A record waiting to be written, with the completion its call waits on (fail-closed mode), or null. */
    private record Queued(AuditRecord record, CompletableFuture<Void> written) {
    }

    /** Queues a record; never blocks. */
    void submit(AuditRecord record) {
        queue.add(new Queued(record, null));
    }

    /**
     * Queues a record whose call waits until it is written: the completion ends when the batch holding it is durably
     * written, or with the failure of any write tried while it waits (it stays queued and is retried, as every
     * record).
     */
    CompletableFuture<Void> submitConfirmed(AuditRecord record) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Queued(record, written));
        // a write that failed while this was being queued may have missed it when failing the queue
        IOException failed = failure;
        if (failed != null) {
            written.completeExceptionally(failed);
        }
        return written;
    }

    /** How each backend takes the records now. */
    List<AuditTrail.BackendState> states() {
        synchronized (logLock) {
            return targets.states();
        }
    }

    /** The records of the batch (linked into the chain when they were) and those queued; once the thread ended. */
    private List<AuditRecord> unwritten() {
        List<AuditRecord> records = new ArrayList<>(chained != null ? chained
                : batch.stream().map(Queued::record).toList());
        queue.forEach(queued -> records.add(queued.record()));
        return records;
    }

    /** Records queued or in the batch being written: read from other threads, so a moment's figure. */
    long waiting() {
        return queue.size() + (long) batch.size();
    }

    /** Why the last write failed, or null when it succeeded (or none was tried yet). */
    IOException failure() {
        return failure;
    }

    /** Writes what is queued (waiting at most 5 s), then closes the log. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.log(Level.ERROR, "CRITICAL: {0} audit record(s) could not be written to {1} before shutdown",
                        waiting(), path);
            } else {
                Path spillFolder = Path.of(System.getProperty("java.io.tmpdir"));
                LOG.log(Level.ERROR, AuditSpill.report(unwritten(), path, spillFolder));
            }
        }
        backends.stopListening(releaseOnRemoval);
        synchronized (logLock) {
            targets.close();
        }
        writerLock.close();
    }

    private void run() {
        long backoff = POLL_MILLIS;
        while (!(closing && queue.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty() && !takeBatch()) {
                    synchronized (logLock) {
                        targets.catchUp();
                    }
                    checkpoints.idle();
                    continue;
                }
                writeBatch();
                backoff = POLL_MILLIS;
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException | Error e) {
                // an Error too: a writer thread that died would leave every later record unwritten and unreported
                failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
                failWaiting(failure);
                // the chain's order holds every later record behind the batch: how many wait says what is at stake
                LOG.log(Level.ERROR, "CRITICAL: writing {0} audit record(s) to {1} failed; {2} record(s) wait in "
                        + "memory, in order, until it succeeds; retrying: {3}", batch.size(), path, waiting(),
                        FileFailureText.of(e));
                try {
                    // no sooner than a target is due, nor than the writer's own back-off: a failure no target
                    // accounts for (the chain's tail unknown) must not be retried at once either
                    Thread.sleep(Math.max(backoff, targets.untilOneIsDue()));
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        checkpoints.close();
    }

    /** Moves what is queued (and what comes shortly after) into the batch; false when nothing came within the poll. */
    private boolean takeBatch() throws InterruptedException {
        Queued first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        // a call waiting on its record (fail-closed) is not kept waiting: the records of the calls that end while this
        // batch is forced gather by themselves for the next one
        if (!closing && first.written() == null && queue.size() < MAX_BATCH - 1) {
            // a sleep, not a timed poll: a waiting taker would be woken by every record put into the queue
            Thread.sleep(GATHER_MILLIS);
        }
        queue.drainTo(batch, MAX_BATCH - 1);
        chained = null;
        return true;
    }

    private void writeBatch() throws IOException {
        synchronized (logLock) {
            if (chained == null) {
                chain();
            }
            targets.write(chained);
        }
        failure = null;
        for (Queued written : batch) {
            if (written.written() != null) {
                written.written().complete(null);
            }
        }
        batch.clear();
        // after the calls waiting on the batch go on: a checkpoint is no part of any call's record
        checkpoints.written(chained.size(), lastHash);
    }

    /** Fails the completion of every record still waiting (they stay queued for the retry). */
    private void failWaiting(IOException why) {
        for (Queued waiting : batch) {
            if (waiting.written() != null) {
                waiting.written().completeExceptionally(why);
            }
        }
        for (Queued waiting : queue) {
            if (waiting.written() != null) {
                waiting.written().completeExceptionally(why);
            }
        }
    }

    /**
     * Links each record of the batch to the one before it, continuing from the chain's tail. The chain's tail changes
     * only once every record is linked, so a failure leaves it as it was for the retry.
     */
    private void chain() throws IOException {
        if (!tailKnown) {
            resumeChain();
        }
        List<AuditRecord> linked = new ArrayList<>(batch.size());
        String tail = lastHash;
        for (Queued queued : batch) {
            AuditRecord link = RecordHashes.linked(queued.record(), tail);
            tail = link.recordHash();
            linked.add(link);
        }
        lastHash = tail;
        chained = linked;
    }

    /**
     * Continues the chain from the newest last record among the targets' logs (they hold the same records, except what
     * a backend missed while it failed), and counts from there. When every log that answers is behind the last signed
     * checkpoint (the one that holds the newer records cannot be read now), the chain goes on from the checkpoint's
     * head rather than from an older record: that log's chain then continues unbroken once it is back.
     */
    private void resumeChain() throws IOException {
        Checkpoint signed = checkpoints.lastSigned();
        LogTargets.Tail tail = targets.newestTail(signed == null ? null : signed.head());
        lastHash = tail.record() == null ? null : tail.record().recordHash();
        if (signed != null && !tail.signedHeadSeen()
                && (tail.record() == null || tail.record().timestamp().isBefore(signed.at()))) {
            lastHash = signed.head();
        }
        checkpoints.resume(tail.log(), lastHash, signed);
        tailKnown = true;
    }

    /** A backend is going away: let go of the logs opened from it once the batch being written is done. */
    private void release(AuditBackend backend) {
        synchronized (logLock) {
            targets.release(backend);
        }
    }
}
