package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.kernel.api.FileFailureText;
import io.mxcp.sdk.audit.AuditRecord;

/**
 * Where the records a stopping server could not write to its audit log go: a JSON-lines file only its account can
 * read, in the system's temporary folder (the log's own folder is what failed), named in the server's log, so that an
 * operator can append them to the log once it can be written. Without it they would be lost with the process.
 */
final class AuditSpill {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSpill() {
    }

    /**
     * Writes the records to a new file in {@code folder}; returns it.
     *
     * @throws IOException with the system's reason when the file cannot be written either
     */
    static Path write(List<AuditRecord> records, Path folder) throws IOException {
        Path file = folder.resolve("mxcp-audit-unwritten-" + ProcessHandle.current().pid() + "-"
                + Instant.now().toEpochMilli() + ".jsonl");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AuditRecord record : records) {
                Map<String, Object> fields = record.fields();
                fields.put("timestamp", record.timestamp().toString());
                out.write(JSON.writeValueAsString(fields));
                out.write('\n');
            }
        }
        return file;
    }

    /** The line the server logs for records it could not write to {@code log} before it stopped. */
    static String report(List<AuditRecord> records, Path log, Path folder) {
        String lost = "CRITICAL: " + records.size() + " audit record(s) could not be written to " + log
                + " before shutdown";
        try {
            return lost + "; they were saved to " + write(records, folder)
                    + " (JSON lines, as the log's): append them to the log once it can be written";
        } catch (IOException | RuntimeException e) {
            return lost + ", nor saved to " + folder + " (" + FileFailureText.of(e) + "): they are lost; their ids: "
                    + records.stream().map(AuditRecord::recordId).toList();
        }
    }
}
