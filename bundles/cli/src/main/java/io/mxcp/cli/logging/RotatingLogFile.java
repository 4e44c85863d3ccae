package io.mxcp.cli.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A log file that is rotated as Python's {@code RotatingFileHandler} rotates it, so existing log shipping keeps
 * working: once a record would take the file to {@code maxBytes}, {@code <file>.1} becomes {@code <file>.2} and so on
 * up to {@code backupCount}, the file becomes {@code <file>.1}, and a new file starts. Either limit at 0 means the file
 * is never rotated. Records are appended, one flush each.
 */
final class RotatingLogFile extends Handler {

    private final Path file;
    private final long maxBytes;
    private final int backupCount;
    private OutputStream out;
    private long size;

    /** @throws IOException when the file cannot be opened for appending */
    RotatingLogFile(Path file, long maxBytes, int backupCount, Formatter formatter) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.backupCount = backupCount;
        setFormatter(formatter);
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (maxBytes > 0 && backupCount > 0 && size + line.length >= maxBytes) {
                rotate();
            }
            out.write(line);
            out.flush();
            size += line.length;
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        for (int index = backupCount - 1; index >= 1; index--) {
            Path older = backup(index);
            if (Files.exists(older)) {
                Files.move(older, backup(index + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, backup(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /**
     * Opens the file anew at its path: after an outside rotation moved it away (logrotate's default, then SIGHUP), the
     * lines go to a new file there rather than on into the moved one.
     */
    synchronized void reopen() throws IOException {
        if (out != null) {
            out.close();
            out = null; // until the file opens again: lines meanwhile are not written to a closed stream
        }
        open();
    }

    private Path backup(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }
}
