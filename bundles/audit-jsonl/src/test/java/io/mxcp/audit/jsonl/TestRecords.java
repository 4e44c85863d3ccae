package io.mxcp.audit.jsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mxcp.sdk.audit.AuditRecord;

/** Records, logs and folder listings for the tests. */
final class TestRecords {

    static final String ENDPOINTS = "mxcp.endpoints";

    private TestRecords() {
    }

    /** A successful {@code greet} tool call of alice's. */
    static AuditRecord record(String id, Instant timestamp) {
        return record(id, timestamp, ENDPOINTS, "greet", "alice");
    }

    static AuditRecord record(String id, Instant timestamp, String schemaName, String operationName, String userId) {
        return record(id, timestamp, schemaName, 1, operationName, userId);
    }

    static AuditRecord record(String id, Instant timestamp, String schemaName, int schemaVersion, String operationName,
            String userId) {
        return new AuditRecord(schemaName, schemaVersion, id, timestamp, "tool", operationName, "success", 12, "http", userId,
                null, null, Map.of("name", id), "hi " + id, null, List.of(), "allow", null, Map.of(), List.of(),
                null, null, null);
    }

    /** A log at {@code dir/logs-default.jsonl} whose segments are named after {@code created}. */
    static JsonlAuditLog open(Path dir, Instant created, long maxFileSize) throws IOException {
        return new JsonlAuditLog(SegmentFiles.beside(dir.resolve("logs-default.jsonl")), maxFileSize,
                Clock.fixed(created, ZoneOffset.UTC));
    }

    static JsonlAuditLog open(Path dir, Instant created) throws IOException {
        return open(dir, created, 1 << 20);
    }

    /** The names of the files in {@code dir}, sorted. */
    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
