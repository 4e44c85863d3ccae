package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * A project's one audit writer, shared by its calls and the requests its server refuses so that both are links of
 * one chain: started with the first record, stopped (writing what is queued) when the project closes. A record that
 * comes after is not taken.
 */
final class RecordQueue implements AutoCloseable {

    private static final CompletableFuture<Void> QUEUED = CompletableFuture.completedFuture(null);

    private final Supplier<AuditWriter> start;
    /** Guarded by {@code this}, as is {@code closed}. */
    private AuditWriter writer;
    private boolean closed;

    RecordQueue(Supplier<AuditWriter> start) {
        this.start = start;
    }

    /**
     * Hands a record to the writer; never waits for the write.
     *
     * @param confirmed whether the caller waits for the write (fail-closed mode)
     * @return completes once written if confirmed, else already complete; null when the project closed
     */
    synchronized CompletableFuture<Void> submit(AuditRecord record, boolean confirmed) {
        // under the lock close() takes: a record handed over before it is written by the writer's last batch
        if (closed) {
            return null;
        }
        if (writer == null) {
            writer = start.get();
        }
        if (confirmed) {
            return writer.submitConfirmed(record);
        }
        writer.submit(record);
        return QUEUED;
    }

    /** How each backend takes the records now, or null before the first record. */
    synchronized List<AuditTrail.BackendState> states() {
        return writer == null ? null : writer.states();
    }

    /** Records taken and not written yet. */
    synchronized long waiting() {
        return writer == null ? 0 : writer.waiting();
    }

    /** Whether the writer has started (with the first record). */
    synchronized boolean started() {
        return writer != null;
    }

    /** Why the last write failed, or null when it succeeded or none was tried yet. */
    synchronized IOException failure() {
        return writer == null ? null : writer.failure();
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        AuditWriter stopping;
        synchronized (this) {
            closed = true;
            stopping = writer;
            writer = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
