package io.mxcp.core.internal.audit.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.internal.files.DurableAppend;

/**
 * A log's schema registry (spec 03 §3.4): one schema version a line in {@code <log stem>_schemas.jsonl} beside the
 * log, appended, never rewritten; a later line for the same name and version replaces an earlier one (that is how
 * the original deactivates a version). The original's files are read as they are.
 */
public final class SchemaRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(SchemaRegistry.class.getName());

    private final Path file;

    public SchemaRegistry(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * Every registered version by {@code <name>:<version>}, in the order first registered; none when the file does
     * not exist. A line that is not a schema is skipped with a warning naming it; an unfinished last line quietly.
     */
    Map<String, AuditSchema> readAll() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        String[] lines = text.split("\n", -1);
        Map<String, AuditSchema> schemas = new LinkedHashMap<>();
        // the part after the last newline is empty, or a line still being appended
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                AuditSchema schema = AuditSchema.fromJson(JSON.readValue(lines[i], Map.class));
                schemas.put(schema.key(), schema);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "Skipped line {0} of the audit schema registry {1}: {2}", i + 1,
                        file, e.getMessage());
            }
        }
        return schemas;
    }

    /** Appends the versions in one write, forced to disk. */
    void append(List<AuditSchema> schemas) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (AuditSchema schema : schemas) {
            lines.append(JSON.writeValueAsString(schema.toJson())).append('\n');
        }
        DurableAppend.append(file, lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
