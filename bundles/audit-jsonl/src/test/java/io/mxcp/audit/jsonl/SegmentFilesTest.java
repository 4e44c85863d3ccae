package io.mxcp.audit.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFilesTest {

    private static final Instant NOON = Instant.parse("2026-01-15T12:00:00.5Z");

    @TempDir
    Path dir;

    @Test
    void namesASegmentAfterTheUtcSecondItWasCreatedIn() throws Exception {
        try (SegmentWriter segment = files().createSegment(NOON)) {
            assertEquals(dir.resolve("audit/logs-default-20260115T120000.jsonl"), segment.path());
        }
    }

    @Test
    void createsTheFolderAndNamesItWhenItCannot() throws Exception {
        assertTrue(Files.isDirectory(files().configuredPath().getParent()));

        Path blocker = Files.createFile(dir.resolve("blocker"));
        IOException e = assertThrows(IOException.class,
                () -> SegmentFiles.beside(blocker.resolve("audit/logs-default.jsonl")));
        assertTrue(e.getMessage().startsWith("Cannot create the audit log folder " + blocker.resolve("audit")),
                e.getMessage());
    }

    @Test
    void numbersSegmentsOfTheSameSecondAndListsThemInCreationOrder() throws Exception {
        SegmentFiles files = files();
        List<Path> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            try (SegmentWriter segment = files.createSegment(NOON)) {
                created.add(segment.path());
            }
        }

        assertEquals("logs-default-20260115T120000.jsonl", created.get(0).getFileName().toString());
        assertEquals("logs-default-20260115T120000-2.jsonl", created.get(1).getFileName().toString());
        assertEquals("logs-default-20260115T120000-10.jsonl", created.get(9).getFileName().toString());
        assertEquals("logs-default-20260115T120000-11.jsonl", created.get(10).getFileName().toString());
        assertEquals(created, files.inWriteOrder());
    }

    @Test
    void namesASegmentAfterTheNewestWhenTheClockWentBack() throws Exception {
        SegmentFiles files = files();
        files.createSegment(NOON).close();
        try (SegmentWriter segment = files.createSegment(NOON.minusSeconds(3600))) {
            assertEquals("logs-default-20260115T120000-2.jsonl", segment.path().getFileName().toString());
        }
        try (SegmentWriter segment = files.createSegment(NOON.plusSeconds(1))) {
            assertEquals("logs-default-20260115T120001.jsonl", segment.path().getFileName().toString());
        }
    }

    @Test
    void listsTheLegacyFileFirstAndIgnoresOtherFiles() throws Exception {
        SegmentFiles files = files();
        Path audit = files.configuredPath().getParent();
        for (String other : List.of("logs-default.jsonl.bak", "logs-other-20260101T000000.jsonl",
                "logs-default-20260101T000000-01.jsonl", "logs-default-2026.jsonl", "notes.txt")) {
            Files.createFile(audit.resolve(other));
        }
        Path older = Files.createFile(audit.resolve("logs-default-20260101T000000.jsonl"));
        Path newer;
        try (SegmentWriter segment = files.createSegment(NOON)) {
            newer = segment.path();
        }
        assertEquals(List.of(older, newer), files.inWriteOrder());

        Path legacy = Files.createFile(files.configuredPath());
        assertEquals(List.of(legacy, older, newer), files.inWriteOrder());
    }

    @Test
    void neverOpensAnExistingSegment() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("audit")).resolve("logs-default-20260115T120000.jsonl");
        Files.writeString(taken, "someone else's\n");

        try (SegmentWriter segment = files().createSegment(NOON)) {
            assertEquals("logs-default-20260115T120000-2.jsonl", segment.path().getFileName().toString());
        }
        assertEquals("someone else's\n", Files.readString(taken));
        assertThrows(FileAlreadyExistsException.class, () -> SegmentWriter.createNew(taken));
    }

    private SegmentFiles files() throws IOException {
        return SegmentFiles.beside(dir.resolve("audit/logs-default.jsonl"));
    }
}
