package io.mxcp.cli.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.mxcp.kernel.api.FileFailureText;

/**
 * The user config's {@code logging} block applied for the length of a command (spec 02 reference §0.5): when
 * {@code enabled} (the default), its {@code level} sets how much is logged unless {@code --debug} asks for everything,
 * and its {@code path} adds a log file beside standard error, rotated at {@code max_bytes} with {@code backup_count}
 * older files. A file that cannot be opened is a warning; the command goes on. Closing takes the file away again and
 * puts back the level the command had.
 */
public final class UserLogging implements AutoCloseable {

    // java.util.logging holds loggers weakly: keep the one whose level and handlers are set
    private static final Logger ROOT = Logger.getLogger("");

    private final Level levelBefore;
    private final RotatingLogFile file;

    private UserLogging(Level levelBefore, RotatingLogFile file) {
        this.levelBefore = levelBefore;
        this.file = file;
    }

    /**
     * @param block            the resolved user config's {@code logging} block (null: none)
     * @param debug            whether {@code --debug} or {@code MXCP_DEBUG} is on: its level wins
     * @param workingDirectory what a relative {@code path} is relative to
     * @param warnings         where a log file that cannot be opened is reported
     */
    public static UserLogging apply(Object block, boolean debug, Path workingDirectory, PrintStream warnings) {
        Level before = ROOT.getLevel();
        if (!(block instanceof Map<?, ?> settings) || Boolean.FALSE.equals(settings.get("enabled"))) {
            return new UserLogging(before, null);
        }
        if (!debug && settings.get("level") instanceof String level) {
            ROOT.setLevel(LogLevels.of(level));
        }
        RotatingLogFile file = null;
        if (settings.get("path") instanceof String path) {
            file = open(path, workingDirectory, settings, warnings);
            if (file != null) {
                ROOT.addHandler(file);
            }
        }
        return new UserLogging(before, file);
    }

    private static RotatingLogFile open(String path, Path workingDirectory, Map<?, ?> settings,
            PrintStream warnings) {
        Path file = workingDirectory.resolve(path).normalize();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            RotatingLogFile handler = new RotatingLogFile(file, number(settings.get("max_bytes"), 10_485_760L),
                    (int) number(settings.get("backup_count"), 5), new LogFileFormat());
            handler.setLevel(Level.ALL);
            return handler;
        } catch (IOException | RuntimeException e) {
            warnings.println("Warning: Failed to setup file logging to " + path + ": " + reason(e));
            warnings.flush();
            return null;
        }
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number number ? number.longValue() : otherwise;
    }

    /** What went wrong, as the system says it, with the file it concerns. */
    private static String reason(Exception e) {
        if (e instanceof FileSystemException failure) {
            String why = FileFailureText.reason(failure).orElse(failure.getClass().getSimpleName());
            return why + ": '" + failure.getFile() + "'";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Writes a record to the log file alone: what standard error already says in its own words (a command's failure)
     * must still be in the file, which is all an operator under a supervisor may read.
     */
    public void toFileOnly(Level level, String loggerName, String message) {
        if (file != null) {
            LogRecord record = new LogRecord(level, message);
            record.setLoggerName(loggerName);
            file.publish(record);
        }
    }

    /**
     * Opens the log file anew at its path (a server's SIGHUP): an outside rotation that moved the file away is
     * followed. A file that cannot be opened now is a warning logged to standard error; the lines go nowhere until
     * the next reopen.
     */
    public void reopen() {
        if (file != null) {
            try {
                file.reopen();
            } catch (IOException e) {
                Logger.getLogger(UserLogging.class.getName()).log(Level.WARNING, "Cannot open the log file again: "
                        + reason(e));
            }
        }
    }

    @Override
    public void close() {
        if (file != null) {
            ROOT.removeHandler(file);
            file.close();
        }
        ROOT.setLevel(levelBefore);
    }
}
