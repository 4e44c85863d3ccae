package io.mxcp.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user config's {@code logging} block: the level, the log file's lines and its rotation, a file that fails. */
class UserLoggingTest {

    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger LOG = Logger.getLogger("io.mxcp.test.Component");

    @TempDir
    Path dir;
    private final Level rootLevel = ROOT.getLevel();
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        ROOT.setLevel(rootLevel);
    }

    @Test
    void theLevelFiltersWhatIsLoggedAndTheFileGetsTheOriginalsLines() throws IOException {
        ROOT.setLevel(Level.INFO);
        try (UserLogging logging = apply(block("path", "logs/mxcp.log", "level", "ERROR"), false)) {
            LOG.warning("not at ERROR");
            LOG.severe("the disk is full");
            LOG.log(LogLevels.CRITICAL, "gone");
            assertEquals(Level.SEVERE, ROOT.getLevel());
        }
        assertEquals(Level.INFO, ROOT.getLevel(), "the command's level is back once it ends");
        LOG.severe("after the command");
        List<String> lines = Files.readAllLines(dir.resolve("logs/mxcp.log"));
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} - ERROR - io\\.mxcp\\.test\\.Component - the disk is full"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith(" - CRITICAL - io.mxcp.test.Component - gone"), lines.get(1));
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCallersLineBreakCannotForgeALineOfTheFile() throws IOException {
        try (UserLogging logging = apply(block("path", "mxcp.log", "level", "INFO"), false)) {
            LOG.log(Level.WARNING, "tools/call castint failed: Could not convert string ''{0}'' to INT32",
                    "x\n2026-11-29 16:30:00 - INFO - io.mxcp.Gate - admin signed in\n\u001b[1A");
        }
        List<String> lines = Files.readAllLines(dir.resolve("mxcp.log"));
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).endsWith(" - WARNING - io.mxcp.test.Component - tools/call castint failed: Could not "
                + "convert string 'x | 2026-11-29 16:30:00 - INFO - io.mxcp.Gate - admin signed in | \\x1b[1A' to INT32"),
                lines.get(0));
    }

    @Test
    void aCommandsFailureCanBeWrittenToTheFileAloneAsStandardErrorSaysItAlready() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        Handler other = new Handler() {
            @Override
            public void publish(LogRecord record) {
                elsewhere.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ROOT.addHandler(other);
        try (UserLogging logging = apply(block("path", "mxcp.log"), false)) {
            logging.toFileOnly(Level.SEVERE, "io.mxcp.cli.command.ServeCommand", "Command failed: port in use");
        } finally {
            ROOT.removeHandler(other);
        }
        assertTrue(Files.readString(dir.resolve("mxcp.log")).endsWith(
                " - ERROR - io.mxcp.cli.command.ServeCommand - Command failed: port in use" + System.lineSeparator()),
                Files.readString(dir.resolve("mxcp.log")));
        assertEquals(List.of(), elsewhere, "standard error's handler gets nothing");
    }

    @Test
    void debugWinsOverTheConfiguredLevelAndADisabledBlockDoesNothing() {
        ROOT.setLevel(Level.FINE);
        try (UserLogging logging = apply(block("level", "ERROR"), true)) {
            assertEquals(Level.FINE, ROOT.getLevel());
        }
        ROOT.setLevel(Level.WARNING);
        try (UserLogging logging = apply(block("enabled", false, "level", "DEBUG", "path", "off.log"), false)) {
            assertEquals(Level.WARNING, ROOT.getLevel());
        }
        assertFalse(Files.exists(dir.resolve("off.log")));
    }

    @Test
    void theFileIsRotatedAsPythonsRotatingFileHandlerDoes() throws IOException {
        ROOT.setLevel(Level.INFO);
        try (UserLogging logging = apply(block("path", "mxcp.log", "max_bytes", 200L, "backup_count", 2L), false)) {
            for (int i = 0; i < 12; i++) {
                LOG.warning("record " + i + " " + "x".repeat(40));
            }
        }
        assertTrue(Files.size(dir.resolve("mxcp.log")) < 200);
        assertTrue(Files.exists(dir.resolve("mxcp.log.1")));
        assertTrue(Files.exists(dir.resolve("mxcp.log.2")));
        assertFalse(Files.exists(dir.resolve("mxcp.log.3")), "at most backup_count older files");
        assertTrue(Files.readString(dir.resolve("mxcp.log")).contains("record 11 "));
        assertTrue(Files.readString(dir.resolve("mxcp.log.1")).contains("record 10 "));
        assertTrue(Files.readString(dir.resolve("mxcp.log.2")).contains("record 9 "));
    }

    @Test
    void reopeningFollowsAnOutsideRotationThatMovedTheFileAway() throws IOException {
        ROOT.setLevel(Level.INFO);
        Path log = dir.resolve("mxcp.log");
        try (UserLogging logging = apply(block("path", "mxcp.log"), false)) {
            LOG.warning("before the rotation");
            Files.move(log, dir.resolve("mxcp.log.moved"));
            LOG.warning("after the move, before the reopen");
            logging.reopen();
            LOG.warning("after the reopen");
        }
        assertEquals(2, Files.readAllLines(dir.resolve("mxcp.log.moved")).size());
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.getFirst().endsWith(" - after the reopen"), lines.getFirst());
    }

    @Test
    void aFileThatCannotBeOpenedIsAWarningAndTheCommandGoesOn() throws IOException {
        Files.writeString(dir.resolve("taken"), "a file, not a folder");
        try (UserLogging logging = apply(block("path", "taken/mxcp.log", "level", "INFO"), false)) {
            assertEquals(Level.INFO, ROOT.getLevel());
        }
        String warning = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("Warning: Failed to setup file logging to taken/mxcp.log: "), warning);
    }

    private UserLogging apply(Map<String, Object> block, boolean debug) {
        return UserLogging.apply(block, debug, dir, new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    /** A resolved block: the validator's defaults, then the entries given. */
    private static Map<String, Object> block(Object... entries) {
        Map<String, Object> block = new HashMap<>(Map.of("enabled", true, "max_bytes", 10_485_760L,
                "backup_count", 5L));
        for (int i = 0; i < entries.length; i += 2) {
            block.put((String) entries[i], entries[i + 1]);
        }
        return block;
    }
}
