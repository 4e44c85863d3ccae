package io.mxcp.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file as a verifier reads it beside a running server. */
class CheckpointFileTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointBeingAppendedIsNotReadYetButADamagedOneIsNamed() throws IOException {
        CheckpointFile file = new CheckpointFile(dir.resolve("log.checkpoints.jsonl"));
        assertEquals(List.of(), file.readAll(), "no file, no checkpoints");
        Checkpoint checkpoint = new Checkpoint(3, "sha256:ab", Instant.parse("2026-01-02T03:04:05Z"), "k", "c2ln");
        file.append(checkpoint);
        Files.writeString(file.path(), "{\"records\":4,\"he", StandardOpenOption.APPEND);
        assertEquals(List.of(checkpoint), file.readAll());

        Files.writeString(file.path(), "\n", StandardOpenOption.APPEND);
        IOException damaged = assertThrows(IOException.class, file::readAll);
        assertTrue(damaged.getMessage().startsWith("Line 2 of the audit checkpoints " + file.path() + " cannot be read"),
                damaged.getMessage());
    }
}
