package io.mxcp.core.internal.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * The records one backend missed while the others took them, oldest first, bounded by their estimated size: records
 * carry whole arguments and results, so a count alone could hold gigabytes. Beyond the bound the oldest are dropped;
 * they are in the other backends only.
 */
final class Backlog {

    /** Bytes of records kept for a backend that fails, by {@link #estimatedSize}. */
    static final long MAX_BYTES = 64L << 20;
    /** Per record besides its data: ids, hashes, names, timestamps. */
    private static final int RECORD_OVERHEAD = 400;

    private final long maxBytes;
    private final ArrayDeque<AuditRecord> records = new ArrayDeque<>();
    private final ArrayDeque<Long> sizes = new ArrayDeque<>();
    private long bytes;

    Backlog() {
        this(MAX_BYTES);
    }

    Backlog(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int size() {
        return records.size();
    }

    /** Adds the batch; returns how many of the oldest records went to make room. */
    int addAll(List<AuditRecord> batch) {
        for (AuditRecord record : batch) {
            long size = estimatedSize(record);
            records.addLast(record);
            sizes.addLast(size);
            bytes += size;
        }
        int dropped = 0;
        while (bytes > maxBytes && !records.isEmpty()) {
            records.removeFirst();
            bytes -= sizes.removeFirst();
            dropped++;
        }
        return dropped;
    }

    /** The oldest records, at most {@code count}, still kept until {@link #removeFirst} says they were written. */
    List<AuditRecord> first(int count) {
        List<AuditRecord> first = new ArrayList<>(Math.min(count, records.size()));
        for (AuditRecord record : records) {
            if (first.size() == count) {
                break;
            }
            first.add(record);
        }
        return first;
    }

    void removeFirst(int count) {
        for (int i = 0; i < count; i++) {
            records.removeFirst();
            bytes -= sizes.removeFirst();
        }
    }

    /** About the record's size as JSON: its text and numbers, not an encoding of it (that is the backend's). */
    static long estimatedSize(AuditRecord record) {
        return RECORD_OVERHEAD + sizeOf(record.inputData()) + sizeOf(record.outputData()) + sizeOf(record.error())
                + sizeOf(record.businessContext()) + sizeOf(record.executionEvents())
                + sizeOf(record.policiesEvaluated()) + sizeOf(record.policyReason());
    }

    private static long sizeOf(Object value) {
        return switch (value) {
            case null -> 4;
            case String text -> text.length() + 2L;
            case Map<?, ?> map -> {
                long size = 2;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += sizeOf(String.valueOf(entry.getKey())) + sizeOf(entry.getValue()) + 2;
                }
                yield size;
            }
            case Iterable<?> list -> {
                long size = 2;
                for (Object item : list) {
                    size += sizeOf(item) + 1;
                }
                yield size;
            }
            default -> 16;
        };
    }
}
