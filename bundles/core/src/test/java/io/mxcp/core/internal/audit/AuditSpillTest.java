package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.audit.AuditRecord;

/** Records a stopping server could not write to its audit log are saved for the operator, or at least named. */
class AuditSpillTest {

    private static final Path LOG = Path.of("/srv/audit/logs.jsonl");

    @TempDir
    Path folder;

    @Test
    void theRecordsAreSavedAsTheLogsLinesInAFileOnlyTheAccountReads() throws IOException {
        String report = AuditSpill.report(List.of(record("r1"), record("r2")), LOG, folder);

        List<Path> saved;
        try (var files = Files.list(folder)) {
            saved = files.toList();
        }
        assertEquals(1, saved.size(), saved::toString);
        assertEquals("CRITICAL: 2 audit record(s) could not be written to " + LOG + " before shutdown; they were saved "
                + "to " + saved.get(0) + " (JSON lines, as the log's): append them to the log once it can be written",
                report);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.get(0))));
        List<String> lines = Files.readAllLines(saved.get(0));
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("r1", first.path("record_id").asText());
        assertEquals("2026-01-02T03:04:05Z", first.path("timestamp").asText());
        assertEquals("ann", first.at("/input_data/who").asText());
        assertEquals(2, lines.size());
    }

    @Test
    void whenTheyCannotBeSavedEitherTheirIdsAreLogged() {
        Path missing = folder.resolve("gone");
        String report = AuditSpill.report(List.of(record("r1")), LOG, missing);
        assertTrue(report.startsWith("CRITICAL: 1 audit record(s) could not be written to " + LOG + " before "
                + "shutdown, nor saved to " + missing + " (No such file or directory: "), report);
        assertTrue(report.endsWith("): they are lost; their ids: [r1]"), report);
    }

    private static AuditRecord record(String id) {
        return new AuditRecord("mxcp.endpoints", 2, id, Instant.parse("2026-01-02T03:04:05Z"), "tool", "t", "success",
                1, "http", null, null, null, Map.of("who", "ann"), null, null, List.of(), null, null, Map.of(),
                List.of(), null, null, null);
    }
}
