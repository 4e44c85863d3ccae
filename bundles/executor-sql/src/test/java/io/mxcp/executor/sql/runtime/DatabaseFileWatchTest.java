package io.mxcp.executor.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileWatchTest {

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(DatabaseFileWatch.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aDeletedFileIsSaidOnceAndItsReturnOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("db.duckdb"), "x");
        Path kept = dir.resolve("kept");
        Files.createLink(kept, file);
        DatabaseFileWatch watch = new DatabaseFileWatch(file, Duration.ZERO);
        watch.check();
        assertEquals(List.of(), lines, "the file opened is still there");

        Files.delete(file);
        watch.check();
        watch.check();
        assertEquals(List.of("SEVERE The DuckDB file " + file + " was deleted while the server has it open: calls go on "
                + "reading and writing the file it opened, and what they write is lost at the next reload or restart. "
                + "Put the file back, or reload (SIGHUP) to open the one now at that path"), lines);

        Files.move(kept, file);
        watch.check();
        assertEquals("INFO The DuckDB file " + file + " is the one the server opened again", lines.get(1));
    }

    @Test
    void aFileCopiedInPlaceIsAnotherFile() throws Exception {
        Path file = Files.writeString(dir.resolve("db.duckdb"), "x");
        DatabaseFileWatch watch = new DatabaseFileWatch(file, Duration.ZERO);
        Path copy = Files.writeString(dir.resolve("new.duckdb"), "y");
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
        watch.check();
        assertEquals(1, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).contains(" was replaced by another file while the server has it open"), lines.get(0));
    }

    @Test
    void checksWaitForTheInterval() throws Exception {
        Path file = Files.writeString(dir.resolve("db.duckdb"), "x");
        DatabaseFileWatch watch = new DatabaseFileWatch(file, Duration.ofHours(1));
        Files.delete(file);
        watch.check();
        assertEquals(List.of(), lines, "not checked again within the hour");
    }
}
