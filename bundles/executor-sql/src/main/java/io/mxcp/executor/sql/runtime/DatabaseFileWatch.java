package io.mxcp.executor.sql.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices the project's database file deleted or replaced under a running server. DuckDB goes on with the file it
 * opened, so calls keep succeeding while what they write goes to a file that no path names any more: lost at the next
 * reload or restart, with nothing said. Checked as calls come, at most once per interval, against the identity
 * (device and inode) the file had when it was opened; said once when it changes and once when it is back.
 */
final class DatabaseFileWatch {

    private static final System.Logger LOG = System.getLogger(DatabaseFileWatch.class.getName());

    private final Path file;
    private final Object openedIdentity;
    private final long intervalNanos;
    private final AtomicLong nextCheck;
    private volatile boolean reported;

    DatabaseFileWatch(Path file, Duration interval) {
        this.file = file;
        this.openedIdentity = identity(file);
        this.intervalNanos = interval.toNanos();
        this.nextCheck = new AtomicLong(System.nanoTime() + intervalNanos);
    }

    /** Compares the file with the one opened, unless another call did so within the interval. */
    void check() {
        long due = nextCheck.get();
        long now = System.nanoTime();
        if (openedIdentity == null || now - due < 0 || !nextCheck.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        Object current = identity(file);
        boolean opened = Objects.equals(openedIdentity, current);
        if (!opened && !reported) {
            reported = true;
            LOG.log(System.Logger.Level.ERROR, "The DuckDB file {0} was {1} while the server has it open: calls go on "
                    + "reading and writing the file it opened, and what they write is lost at the next reload or "
                    + "restart. Put the file back, or reload (SIGHUP) to open the one now at that path",
                    file, current == null ? "deleted" : "replaced by another file");
        } else if (opened && reported) {
            reported = false;
            LOG.log(System.Logger.Level.INFO, "The DuckDB file {0} is the one the server opened again", file);
        }
    }

    /** The file's identity (device and inode on Linux); null when it is missing or the file system has none. */
    private static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
