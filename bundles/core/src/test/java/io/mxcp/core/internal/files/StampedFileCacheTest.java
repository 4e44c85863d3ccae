package io.mxcp.core.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StampedFileCacheTest {
    @TempDir
    Path folder;

    private final AtomicInteger reads = new AtomicInteger();
    private final StampedFileCache<String> cache = new StampedFileCache<>(file -> {
        reads.incrementAndGet();
        return Files.readString(file);
    });

    @Test
    void anUnchangedFileIsReadOnce() throws IOException {
        Path file = Files.writeString(folder.resolve("a.sql"), "SELECT 1");
        assertEquals("SELECT 1", cache.get(file));
        assertEquals("SELECT 1", cache.get(file));
        assertEquals(1, reads.get());
    }

    @Test
    void anEditOfTheSameSizeIsSeen() throws IOException {
        Path file = Files.writeString(folder.resolve("a.sql"), "SELECT 1");
        cache.get(file);
        Files.writeString(file, "SELECT 2");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
        assertEquals("SELECT 2", cache.get(file));
    }

    @Test
    void aReplacedFileIsSeenEvenWithTheSameTimeAndSize() throws IOException {
        Path file = Files.writeString(folder.resolve("a.sql"), "SELECT 1");
        cache.get(file);
        FileTime time = Files.getLastModifiedTime(file);
        Path replacement = Files.writeString(folder.resolve("b.sql"), "SELECT 2");
        Files.setLastModifiedTime(replacement, time);
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("SELECT 2", cache.get(file), "a new file (another inode) is read again");
    }

    @Test
    void aMissingFileIsNoSuchFileAndAFolderWhatTheReaderSays() throws IOException {
        assertThrows(NoSuchFileException.class, () -> cache.get(folder.resolve("missing.sql")));
        assertThrows(IOException.class, () -> cache.get(folder), "a folder is the reader's to refuse");
        assertEquals(1, reads.get(), "... which was asked");
        Path file = Files.writeString(folder.resolve("gone.sql"), "SELECT 1");
        cache.get(file);
        Files.delete(file);
        assertThrows(NoSuchFileException.class, () -> cache.get(file), "a deleted file is not served from the cache");
    }
}
