package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.mxcp.core.api.AuditTrail;
import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * The backends' logs one {@link AuditWriter} writes every batch to, in the profile's order: a batch is taken once one
 * of them wrote it, and the others keep it until they can. Used under the writer's lock.
 */
final class LogTargets {

    /**
     * The log whose last record the chain goes on from, that record (null for an empty log), and whether any log
     * that answered ends with the record a checkpoint signed.
     */
    record Tail(AuditLog log, AuditRecord record, boolean signedHeadSeen) {
    }

    private final List<LogTarget> targets;

    LogTargets(List<LogTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * Writes the batch to every target that is due; the ones that failed or are not due keep it once another took it.
     * When none took it, none keeps it: the whole batch is tried again.
     *
     * @throws IOException with every target's reason when none took the batch
     */
    void write(List<AuditRecord> batch) throws IOException {
        long now = System.nanoTime();
        List<LogTarget> missed = new ArrayList<>();
        boolean taken = false;
        for (LogTarget target : targets) {
            try {
                if (!target.due(now)) {
                    missed.add(target);
                    continue;
                }
                target.write(batch);
                taken = true;
            } catch (IOException e) {
                missed.add(target);
            }
        }
        if (!taken) {
            throw everyFailed();
        }
        missed.forEach(target -> target.keep(batch));
    }

    /** Hands the records a target missed to it once it is due (the writer has nothing else to write). */
    void catchUp() {
        long now = System.nanoTime();
        for (LogTarget target : targets) {
            if (target.behind() && target.due(now)) {
                try {
                    target.write(List.of());
                } catch (IOException e) {
                    // still failing: it keeps its records and is tried again after its back-off
                }
            }
        }
    }

    /**
     * The newest last record among the logs that answer (they hold the same records, except what a backend missed
     * while it failed); ties go to the earlier target.
     *
     * @param signedHead the record hash the last checkpoint signed, or null
     * @throws IOException with every target's reason when none answers
     */
    Tail newestTail(String signedHead) throws IOException {
        long now = System.nanoTime();
        AuditLog newestLog = null;
        AuditRecord newest = null;
        boolean signedHeadSeen = false;
        for (LogTarget target : targets) {
            if (!target.due(now)) {
                continue;
            }
            try {
                AuditRecord tail = target.tail().orElse(null);
                signedHeadSeen |= tail != null && tail.recordHash().equals(signedHead);
                boolean newer = tail != null && (newest == null || tail.timestamp().isAfter(newest.timestamp()));
                if (newestLog == null || newer) {
                    newestLog = target.log();
                    newest = tail;
                }
            } catch (IOException e) {
                // that target is failing now; the others may know the tail
            }
        }
        if (newestLog == null) {
            throw everyFailed();
        }
        return new Tail(newestLog, newest, signedHeadSeen);
    }

    /** How long until the first target that failed is due again, in milliseconds. */
    long untilOneIsDue() {
        long now = System.nanoTime();
        return Math.max(0, targets.stream().mapToLong(target -> target.retryAt() - now).min().orElse(0) / 1_000_000);
    }

    List<AuditTrail.BackendState> states() {
        return targets.stream().map(LogTarget::state).toList();
    }

    /** A backend is going away: every log opened from it is closed. */
    void release(AuditBackend backend) {
        targets.forEach(target -> target.release(backend));
    }

    /** The writer stops: targets that fell behind get one more try, then every log is closed. */
    void close() {
        targets.forEach(LogTarget::catchUpAtClose);
        targets.forEach(LogTarget::close);
    }

    private IOException everyFailed() {
        if (targets.size() == 1) {
            return targets.getFirst().failure();
        }
        StringBuilder why = new StringBuilder("every audit backend failed (");
        for (LogTarget target : targets) {
            why.append(target == targets.getFirst() ? "" : "; ").append(target.name()).append(": ")
                    .append(target.failure().getMessage());
        }
        return new IOException(why.append(')').toString());
    }
}
