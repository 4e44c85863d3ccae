package io.mxcp.core.internal.audit.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * not exist. Each line is read on its own, so that a line that is not a schema (not JSON, not an object, a byte
     * that is not UTF-8) is skipped with a warning naming it and the others still count. A last line without its
     * newline counts when it is a whole schema (written by hand) and is skipped quietly when not (being appended).
     *
     * @throws IOException when the file cannot be read at all
     */
    Map<String, AuditSchema> readAll() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, AuditSchema> schemas = new LinkedHashMap<>();
        int lineNumber = 0;
        for (int start = 0; start < bytes.length;) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            boolean finished = end < bytes.length;
            read(bytes, start, end, lineNumber, finished).ifPresent(schema -> schemas.put(schema.key(), schema));
            start = end + 1;
        }
        return schemas;
    }

    private Optional<AuditSchema> read(byte[] bytes, int start, int end, int lineNumber, boolean finished) {
        try {
            String line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            if (line.isBlank()) {
                return Optional.empty();
            }
            if (!(JSON.readValue(line, Object.class) instanceof Map<?, ?> json)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return Optional.of(AuditSchema.fromJson(json));
        } catch (CharacterCodingException e) {
            warnIf(finished, lineNumber, "it is not UTF-8 text");
            return Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            warnIf(finished, lineNumber, e.getMessage());
            return Optional.empty();
        }
    }

    /** Warns of a line that is not a schema; an unfinished last line (being appended) is skipped quietly. */
    private void warnIf(boolean finished, int lineNumber, String why) {
        if (finished) {
            LOG.log(System.Logger.Level.WARNING, "Skipped line {0} of the audit schema registry {1}: {2}", lineNumber,
                    file, why);
        }
    }

    /**
     * Appends the versions in one write, forced to disk; after a newline first when the file's last line has none
     * (one added by hand), so that the two stay two lines.
     */
    void append(List<AuditSchema> schemas) throws IOException {
        StringBuilder lines = new StringBuilder(endsOpen() ? "\n" : "");
        for (AuditSchema schema : schemas) {
            lines.append(JSON.writeValueAsString(schema.toJson())).append('\n');
        }
        DurableAppend.append(file, lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private boolean endsOpen() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }
}
