package io.mxcp.cli.admin;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collector;

import io.mxcp.sdk.audit.AuditRecord;

/**
 * What {@code /audit/stats} counts, folded record by record as the log is read: a log of millions of records is
 * counted without being held in memory.
 */
final class AuditCounts {
    private long total;
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byPolicy = new TreeMap<>();
    private Instant earliest;
    private Instant latest;

    static Collector<AuditRecord, AuditCounts, AuditCounts> collector() {
        return Collector.of(AuditCounts::new, AuditCounts::add, AuditCounts::merge);
    }

    private void add(AuditRecord record) {
        total++;
        count(byType, record, AuditRecord::operationType);
        count(byStatus, record, AuditRecord::operationStatus);
        count(byPolicy, record, AuditRecord::policyDecision);
        Instant at = record.timestamp();
        if (at != null) {
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
    }

    /** Records without a value of the field are not counted under it. */
    private static void count(Map<String, Long> counts, AuditRecord record, Function<AuditRecord, String> field) {
        String value = field.apply(record);
        if (value != null) {
            counts.merge(value, 1L, Long::sum);
        }
    }

    private AuditCounts merge(AuditCounts other) {
        total += other.total;
        other.byType.forEach((key, count) -> byType.merge(key, count, Long::sum));
        other.byStatus.forEach((key, count) -> byStatus.merge(key, count, Long::sum));
        other.byPolicy.forEach((key, count) -> byPolicy.merge(key, count, Long::sum));
        earliest = earliest == null || other.earliest != null && other.earliest.isBefore(earliest) ? other.earliest
                : earliest;
        latest = latest == null || other.latest != null && other.latest.isAfter(latest) ? other.latest : latest;
        return this;
    }

    long total() {
        return total;
    }

    Map<String, Long> byType() {
        return byType;
    }

    Map<String, Long> byStatus() {
        return byStatus;
    }

    Map<String, Long> byPolicy() {
        return byPolicy;
    }

    Instant earliest() {
        return earliest;
    }

    Instant latest() {
        return latest;
    }
}
