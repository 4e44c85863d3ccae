package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.internal.files.DurableAppend;

/**
 * The checkpoints of one audit log, one JSON object a line in a file of their own beside the log, appended and forced
 * to disk by the log's writer and read by the verifier.
 */
final class CheckpointFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    CheckpointFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    void append(Checkpoint checkpoint) throws IOException {
        byte[] line = (JSON.writeValueAsString(checkpoint.fields()) + "\n").getBytes(StandardCharsets.UTF_8);
        DurableAppend.append(file, line);
    }

    /**
     * Every checkpoint, oldest first; none when the file does not exist. An unfinished last line (a checkpoint being
     * appended by a running server) is not one yet.
     */
    List<Checkpoint> readAll() throws IOException {
        List<String> lines;
        try {
            lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        lines.removeLast(); // after the last newline: empty, or unfinished
        List<Checkpoint> checkpoints = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                checkpoints.add(Checkpoint.of(JSON.readValue(lines.get(i), Map.class)));
            } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                throw new IOException("Line " + (i + 1) + " of the audit checkpoints " + file + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        return checkpoints;
    }
}
