package io.mxcp.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.mxcp.sdk.audit.AuditBackend;
import io.mxcp.sdk.audit.AuditLog;
import io.mxcp.sdk.audit.AuditLogSettings;
import io.mxcp.sdk.audit.AuditQuery;
import io.mxcp.sdk.audit.AuditRecord;

/** Test helper: an audit backend keeping every log's records in memory, shared by path across opens. */
final class MemoryAuditBackend implements AuditBackend {

    private final String name;
    private final Map<Path, List<AuditRecord>> logs;
    final List<AuditLogSettings> opened = new ArrayList<>();
    int closed;
    /** When set, every write fails with it, as a full disk would. */
    volatile IOException failWrites;
    /** When set, every write throws it, as a backend with a bug (or whose bundle is going away) would. */
    volatile Error crashWrites;
    /** When set, opening a log fails with it, as a database that is down would. */
    volatile IOException failOpens;

    MemoryAuditBackend() {
        this("jsonl");
    }

    /** A backend of another name, with logs of its own. */
    MemoryAuditBackend(String name) {
        this(name, new HashMap<>());
    }

    /** A second backend (a newer version of the first) storing into the same logs. */
    MemoryAuditBackend successor() {
        return new MemoryAuditBackend(name, logs);
    }

    private MemoryAuditBackend(String name, Map<Path, List<AuditRecord>> logs) {
        this.name = name;
        this.logs = logs;
    }

    @Override
    public String backendName() {
        return name;
    }

    /** The records written to the log at that path, in write order. */
    synchronized List<AuditRecord> records(Path path) {
        return List.copyOf(logs.getOrDefault(path, List.of()));
    }

    /** Changes a stored record in place, as someone editing the log file would. */
    synchronized void tamper(Path path, int index, UnaryOperator<AuditRecord> change) {
        List<AuditRecord> records = logs.get(path);
        records.set(index, change.apply(records.get(index)));
    }

    /** Removes the last records, as someone cutting the log file short would. */
    synchronized void truncate(Path path, int count) {
        List<AuditRecord> records = logs.get(path);
        records.subList(records.size() - count, records.size()).clear();
    }

    @Override
    public synchronized AuditLog open(AuditLogSettings settings) throws IOException {
        if (failOpens != null) {
            throw failOpens;
        }
        opened.add(settings);
        List<AuditRecord> records = logs.computeIfAbsent(settings.path(), path -> new ArrayList<>());
        return new AuditLog() {
            @Override
            public void write(List<AuditRecord> batch) throws IOException {
                if (failWrites != null) {
                    throw failWrites;
                }
                if (crashWrites != null) {
                    throw crashWrites;
                }
                synchronized (MemoryAuditBackend.this) {
                    records.addAll(batch);
                }
            }

            @Override
            public List<AuditRecord> query(AuditQuery query) {
                synchronized (MemoryAuditBackend.this) {
                    List<AuditRecord> found = new ArrayList<>(records.stream().filter(query::matches).toList());
                    found.sort(Comparator.comparing(AuditRecord::timestamp).reversed());
                    return query.limit() == 0 ? found : found.subList(0, Math.min(query.limit(), found.size()));
                }
            }

            @Override
            public Optional<AuditRecord> lastWritten() {
                synchronized (MemoryAuditBackend.this) {
                    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
                }
            }

            @Override
            public void forEachWritten(Consumer<AuditRecord> visitor) {
                records(settings.path()).forEach(visitor);
            }

            /** Record by record (the JSONL backend works per file): older than its schema's days goes. */
            @Override
            public Map<String, Long> applyRetention(Instant now, Map<String, Integer> retentionDays, boolean dryRun) {
                synchronized (MemoryAuditBackend.this) {
                    Map<String, Long> expired = new HashMap<>();
                    List<AuditRecord> kept = new ArrayList<>();
                    for (AuditRecord record : records) {
                        Integer days = AuditLog.retentionOf(retentionDays, record.schemaName(), record.schemaVersion());
                        if (days != null && record.timestamp().isBefore(now.minus(Duration.ofDays(days)))) {
                            expired.merge(record.schemaName() + ":v" + record.schemaVersion(), 1L, Long::sum);
                        } else {
                            kept.add(record);
                        }
                    }
                    if (!dryRun) {
                        records.retainAll(kept);
                    }
                    return expired;
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (MemoryAuditBackend.this) {
                    closed++;
                }
            }
        };
    }
}
