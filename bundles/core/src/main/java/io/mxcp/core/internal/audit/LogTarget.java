package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * One backend an {@link AuditWriter} writes every record to: the log opened from the newest installed backend of its
 * name, and, while that log fails and another backend took the records, those records in write order (its backlog),
 * written ahead of the next batch once it can be written again. A failing target is tried again after a back-off, so a
 * backend that is down does not slow the writing to the others. Used by the writer's thread, and by a backend's removal
 * under the writer's lock.
 */
final class LogTarget {

    private static final System.Logger LOG = System.getLogger(LogTarget.class.getName());
    private static final int WRITE_CHUNK = 256;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long REPORT_EVERY_NANOS = 60_000_000_000L;

    private final String name;
    private final AuditBackends backends;
    private final AuditLogSettings settings;

    private AuditBackend openedFrom;
    private AuditLog log;

    private final Backlog backlog;
    /** Records dropped from the backlog while failing: missing from this backend's log for good. */
    private long dropped;
    private IOException failure;
    private Instant failingSince;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    private long retryAt;
    /** Whether the failure going on was reported, and when last: at its start, then once a minute. */
    private boolean reported;
    private long reportedAt;

    LogTarget(String name, AuditBackends backends, AuditLogSettings settings) {
        this(name, backends, settings, new Backlog());
    }

    LogTarget(String name, AuditBackends backends, AuditLogSettings settings, Backlog backlog) {
        this.name = name;
        this.backends = backends;
        this.settings = settings;
        this.backlog = backlog;
    }

    String name() {
        return name;
    }

    /** Whether the target may be tried now: it is not failing, or its back-off is over. */
    boolean due(long nanoTime) {
        return failure == null || nanoTime - retryAt >= 0;
    }

    /** When a failing target may be tried again ({@link System#nanoTime()}); meaningful while it fails. */
    long retryAt() {
        return retryAt;
    }

    /** How the target takes records now. */
    AuditTrail.BackendState state() {
        return new AuditTrail.BackendState(name, location(), failure == null ? "ok" : "failing", failingSince,
                failure == null ? null : failure.getMessage(), backlog.size());
    }

    /** Where the backend keeps this log (the SQLite backend: a file of its own), as operators are told. */
    private Path location() {
        AuditBackend newest = backends.newest(name);
        return newest == null ? settings.path() : newest.location(settings);
    }

    /** Whether it lacks records the other backends took. */
    boolean behind() {
        return !backlog.isEmpty();
    }

    /** Why the target failed last, or null while it writes. */
    IOException failure() {
        return failure;
    }

    /** The log's opened copy, opening it from the newest installed backend of the name first when needed. */
    AuditLog log() throws IOException {
        AuditBackend newest = backends.newest(name);
        if (newest == null) {
            throw new IOException("no audit backend '" + name + "' is installed");
        }
        if (newest != openedFrom) {
            closeLog();
            log = newest.open(settings);
            openedFrom = newest;
        }
        return log;
    }

    /** The log's last record; a failure counts as the target's. */
    Optional<AuditRecord> tail() throws IOException {
        try {
            return log().lastWritten();
        } catch (IOException | RuntimeException | Error e) {
            // an Error too (a backend's bundle going away mid-call): the others must not pay for it
            throw failed(e);
        }
    }

    /** Writes the backlog, then the batch (which may be empty); on failure the batch is not kept (see {@link #keep}). */
    void write(List<AuditRecord> batch) throws IOException {
        try {
            AuditLog current = log();
            while (!backlog.isEmpty()) {
                List<AuditRecord> chunk = backlog.first(WRITE_CHUNK);
                current.write(chunk);
                backlog.removeFirst(chunk.size());
            }
            if (!batch.isEmpty()) {
                current.write(batch);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw failed(e);
        }
        if (failingSince != null) {
            LOG.log(Level.WARNING, "The audit backend ''{0}'' writes again ({1}, failing since {2}){3}", name,
                    location(), failingSince, dropped == 0 ? ""
                            : "; " + dropped + " records of that time are missing from it: they are in the other"
                                    + " backends");
        }
        failure = null;
        failingSince = null;
        reported = false;
        dropped = 0;
        backoffMillis = FIRST_BACKOFF_MILLIS;
    }

    /** Keeps a batch that other backends took for this one, which failed on it or is waiting out its back-off. */
    void keep(List<AuditRecord> batch) {
        dropped += backlog.addAll(batch);
        long now = System.nanoTime();
        if (!reported || now - reportedAt >= REPORT_EVERY_NANOS) {
            reported = true;
            reportedAt = now;
            LOG.log(Level.ERROR, "CRITICAL: the audit backend ''{0}'' ({1}) cannot be written since {2} ({3}); the"
                    + " other backends take the records, {4} record(s) kept for it{5}", name, location(), failingSince,
                    failure.getMessage(), backlog.size(),
                    dropped == 0 ? "" : " and " + dropped + " are missing from it for good");
        }
    }

    /** A backend is going away: closes the log opened from it. */
    void release(AuditBackend backend) {
        if (backend == openedFrom) {
            closeLog();
        }
    }

    /**
     * The writer stops: a target that fell behind gets one more try, back-off or not, so that records it missed
     * while down do not stay missing only because the server stopped within its back-off.
     */
    void catchUpAtClose() {
        if (!backlog.isEmpty()) {
            try {
                write(List.of());
            } catch (IOException e) {
                // still failing: close() reports what it lacks
            }
        }
    }

    /** Closes the log, saying which records it lacks. */
    void close() {
        if (!backlog.isEmpty() || dropped > 0) {
            LOG.log(Level.ERROR, "CRITICAL: {0} audit records are missing from the backend ''{1}'' ({2}), which"
                    + " failed since {3}: they are in the other backends", backlog.size() + dropped, name,
                    location(), failingSince);
        }
        closeLog();
    }

    private IOException failed(Throwable e) {
        failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        retryAt = System.nanoTime() + backoffMillis * 1_000_000;
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        return failure;
    }

    private void closeLog() {
        if (log == null) {
            return;
        }
        try {
            log.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the audit log {0} of backend ''{1}'' failed: {2}", location(), name,
                    e.getMessage());
        }
        log = null;
        openedFrom = null;
    }
}
