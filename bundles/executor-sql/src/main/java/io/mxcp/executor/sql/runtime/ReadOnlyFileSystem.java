package io.mxcp.executor.sql.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A database that cannot be opened because its file system is read-only (a project mounted read-only, a container
 * image), said with what lets such a project run: the operating system's words alone name the path, not the flag.
 */
final class ReadOnlyFileSystem {

    /** The operating system's wording (EROFS), which both the JDK and DuckDB pass on. */
    private static final String READ_ONLY = "Read-only file system";

    private ReadOnlyFileSystem() {
    }

    /**
     * What to tell the user when {@code message} says the file system of {@code file} is read-only; empty for any
     * other failure.
     *
     * @param readOnly whether the project was opened read-only
     */
    static Optional<String> explain(String message, Path file, boolean readOnly) {
        if (message == null || !message.contains(READ_ONLY)) {
            return Optional.empty();
        }
        if (readOnly) {
            return Optional.of(message + ". The database file " + file.toAbsolutePath().normalize() + " does not exist"
                    + " and cannot be made on a read-only file system: create it where the project is writable.");
        }
        return Optional.of(message + ". A project on a read-only file system runs with --readonly (or"
                + " MXCP_READONLY=1), from a database file made beforehand.");
    }
}
