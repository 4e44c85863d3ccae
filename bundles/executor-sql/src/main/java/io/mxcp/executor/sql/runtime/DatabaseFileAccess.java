package io.mxcp.executor.sql.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A database file the operating system would not let DuckDB open, said with what lets the project run. Its words
 * alone name the path, not the flag: a read-only file system (a project mounted read-only, a container image) needs
 * {@code --readonly}; a user who may not write the file (a project owned by another user, a container running as a
 * user that owns nothing) needs the folder too, where DuckDB keeps its write-ahead log.
 */
final class DatabaseFileAccess {

    /** The operating system's wordings (EROFS, EACCES), which both the JDK and DuckDB pass on. */
    private static final String READ_ONLY = "Read-only file system";
    private static final String DENIED = "Permission denied";

    private DatabaseFileAccess() {
    }

    /**
     * What to tell the user when {@code message} says {@code file} could not be opened for one of those reasons;
     * empty for any other failure.
     *
     * @param readOnly whether the project was opened read-only
     */
    static Optional<String> explain(String message, Path file, boolean readOnly) {
        if (message == null) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (message.contains(READ_ONLY)) {
            return Optional.of(message + (readOnly
                    ? ". The database file " + absolute + " does not exist and cannot be made on a read-only file"
                            + " system: create it where the project is writable."
                    : ". A project on a read-only file system runs with --readonly (or MXCP_READONLY=1), from a"
                            + " database file made beforehand."));
        }
        if (message.contains(DENIED)) {
            return Optional.of(message + (readOnly
                    ? ". The user running mxcp needs to read " + absolute + "."
                    : ". The user running mxcp needs to write " + absolute + " and its folder " + absolute.getParent()
                            + " (DuckDB keeps its write-ahead log " + absolute.getFileName() + ".wal there); when"
                            + " nothing writes, --readonly (or MXCP_READONLY=1) needs only to read the file."));
        }
        return Optional.empty();
    }
}
