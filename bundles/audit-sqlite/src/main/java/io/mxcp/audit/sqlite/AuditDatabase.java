package io.mxcp.audit.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import io.mxcp.audit.json.LogLocation;
import io.mxcp.sdk.audit.AuditLogSettings;

/**
 * The SQLite file of one log, {@code <stem>.sqlite} beside the configured path, and connections to it. Every
 * connection uses a rollback journal, not WAL: WAL keeps its index in a memory map of the {@code -shm} file, and when
 * the storage turns read-only under a running server (an immutable file, a file system remounted read-only after
 * errors) a write to that map kills the whole process with SIGBUS, where a journal's write fails as an exception the
 * audit writer retries. Commits reach the disk before they return ({@code synchronous=FULL}), which a written batch's
 * promise to survive a crash needs; a lock another process holds (a reader such as {@code mxcp log} for the length of
 * its query, {@code mxcp log-cleanup}) is waited for rather than failed on at once.
 */
final class AuditDatabase {

    /** Long enough for another process's batch or retention delete; short enough to report a stuck lock. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    private static final String SUFFIX = ".sqlite";

    private final Path file;

    private AuditDatabase(Path file) {
        this.file = file;
    }

    /**
     * The database of the log configured at {@code path}: the file name's extension replaced by {@code .sqlite}.
     * Creates the folder when missing.
     *
     * @throws IOException naming the folder when it cannot be created
     */
    static AuditDatabase beside(Path path) throws IOException {
        return new AuditDatabase(LogLocation.of(path).file(SUFFIX));
    }

    /** The database file of the log configured at {@code path}, made nowhere. */
    static Path fileBeside(Path path) {
        return AuditLogSettings.besideLog(path.toAbsolutePath().normalize(), SUFFIX);
    }

    Path file() {
        return file;
    }

    /**
     * A new connection, creating the file when missing: readable by its owner only, as are the journal files SQLite
     * makes beside it (it gives them the database's permissions), since records hold arguments, results and users.
     *
     * @throws IOException naming the file when it cannot be opened or is not an SQLite database
     */
    Connection connect() throws IOException {
        createOwnerOnly();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.TRUNCATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A driver instance of its own: in OSGi, DriverManager hands out no driver the bundle did not register.
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    private void createOwnerOnly() throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException | NoSuchFileException | UnsupportedOperationException e) {
            // an existing database keeps its permissions; a missing folder is SQLite's to report, as for any open;
            // a file system without POSIX permissions has none to set
        }
    }

    /** An error of the database, naming it: {@code Cannot <doing> the audit database <file>: <reason>}. */
    IOException failure(String doing, SQLException e) {
        return new IOException("Cannot " + doing + " the audit database " + file + ": " + e.getMessage(), e);
    }
}
