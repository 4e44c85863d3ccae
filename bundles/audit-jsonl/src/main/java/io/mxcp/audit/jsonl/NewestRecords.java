package io.mxcp.audit.jsonl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * The newest of the records offered, newest first, keeping no more than the limit in memory while a query reads a
 * log of any size. Of records with the same timestamp, the one written later counts as newer.
 */
final class NewestRecords {

    private record Candidate(AuditRecord record, long position) {
    }

    private static final Comparator<Candidate> OLDEST_FIRST = Comparator
            .comparing((Candidate candidate) -> candidate.record().timestamp())
            .thenComparingLong(Candidate::position);

    private final int limit;
    private final PriorityQueue<Candidate> kept = new PriorityQueue<>(OLDEST_FIRST);

    /** @param limit how many to keep; 0 keeps every record */
    NewestRecords(int limit) {
        this.limit = limit;
    }

    /** @param position the record's place in write order */
    void offer(AuditRecord record, long position) {
        kept.add(new Candidate(record, position));
        if (limit > 0 && kept.size() > limit) {
            kept.poll();
        }
    }

    List<AuditRecord> newestFirst() {
        List<Candidate> candidates = new ArrayList<>(kept);
        candidates.sort(OLDEST_FIRST.reversed());
        return candidates.stream().map(Candidate::record).toList();
    }
}
