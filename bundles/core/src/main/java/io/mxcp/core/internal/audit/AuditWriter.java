package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Writes one project's audit records off the call path (spec 03 §3): calls hand records over without waiting, and
 * one thread chains their hashes and writes them in batches to a log opened from the newest backend of the
 * configured name. A batch that cannot be written — no backend installed, a full disk — is kept and retried, logged
 * as critical each time, never dropped; {@link #close} writes what is still queued, waiting a bounded time.
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
    private final String backendName;
    private final AuditLogSettings settings;
    private final LinkedBlockingQueue<AuditRecord> queue = new LinkedBlockingQueue<>();
    private final Consumer<AuditBackend> releaseOnRemoval = this::release;
    private final Thread thread;
    private volatile boolean closing;

    /** Guards the log, which a backend's removal closes from another thread. */
    private final Object logLock = new Object();
    private AuditBackend openedFrom;
    private AuditLog log;

    // used by the writer thread only
    private final List<AuditRecord> batch = new ArrayList<>();
    private boolean batchChained;
    private boolean tailKnown;
    private String lastHash;

    AuditWriter(AuditBackends backends, String backendName, AuditLogSettings settings) {
        this.backends = backends;
        this.backendName = backendName;
        this.settings = settings;
        backends.onRemoval(releaseOnRemoval);
        thread = Thread.ofPlatform().name("mxcp-audit-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /** Queues a record; never blocks. */
    void submit(AuditRecord record) {
        queue.add(record);
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
            LOG.log(Level.ERROR, "CRITICAL: {0} audit records could not be written to {1} before shutdown",
                    queue.size() + batch.size(), settings.path());
        }
        backends.stopListening(releaseOnRemoval);
        synchronized (logLock) {
            closeLog();
        }
    }

    private void run() {
        long backoff = POLL_MILLIS;
        while (!(closing && queue.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty() && !takeBatch()) {
                    continue;
                }
                writeBatch();
                backoff = POLL_MILLIS;
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException | Error e) {
                // an Error too: a writer thread that died would leave every later record unwritten and unreported
                LOG.log(Level.ERROR, "CRITICAL: writing {0} audit records to {1} failed, retrying: {2}",
                        batch.size(), settings.path(), e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Moves what is queued (and what comes shortly after) into the batch; false when nothing came within the poll. */
    private boolean takeBatch() throws InterruptedException {
        AuditRecord first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        if (!closing && queue.size() < MAX_BATCH - 1) {
            // a sleep, not a timed poll: a waiting taker would be woken by every record put into the queue
            Thread.sleep(GATHER_MILLIS);
        }
        queue.drainTo(batch, MAX_BATCH - 1);
        batchChained = false;
        return true;
    }

    private void writeBatch() throws IOException {
        synchronized (logLock) {
            AuditLog current = currentLog();
            if (!batchChained) {
                chain(current);
            }
            current.write(batch);
            batch.clear();
        }
    }

    /**
     * Links each record of the batch to the one before it, continuing from the log's last record. The batch and the
     * chain's tail change only once every record is linked, so a failure leaves both as they were for the retry.
     */
    private void chain(AuditLog current) throws IOException {
        if (!tailKnown) {
            lastHash = current.lastWritten().map(AuditRecord::recordHash).orElse(null);
            tailKnown = true;
        }
        List<AuditRecord> linked = new ArrayList<>(batch.size());
        String tail = lastHash;
        for (AuditRecord record : batch) {
            AuditRecord link = RecordHashes.linked(record, tail);
            tail = link.recordHash();
            linked.add(link);
        }
        batch.clear();
        batch.addAll(linked);
        lastHash = tail;
        batchChained = true;
    }

    private AuditLog currentLog() throws IOException {
        AuditBackend newest = backends.newest(backendName);
        if (newest == null) {
            throw new IOException("no audit backend '" + backendName + "' is installed");
        }
        if (newest != openedFrom) {
            closeLog();
            log = newest.open(settings);
            openedFrom = newest;
        }
        return log;
    }

    /** A backend is going away: let go of the log opened from it once the batch being written is done. */
    private void release(AuditBackend backend) {
        synchronized (logLock) {
            if (backend == openedFrom) {
                closeLog();
            }
        }
    }

    private void closeLog() {
        if (log == null) {
            return;
        }
        try {
            log.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the audit log {0} failed: {1}", settings.path(), e.getMessage());
        }
        log = null;
        openedFrom = null;
    }
}
