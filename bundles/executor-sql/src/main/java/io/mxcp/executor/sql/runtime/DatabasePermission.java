package io.mxcp.executor.sql.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A database that cannot be opened because the user running mxcp may not (a project owned by another user, a
 * container running as a user that owns nothing), said with what it needs: DuckDB names the file, not that it also
 * writes a {@code .wal} file beside it, nor the flag that needs neither.
 */
final class DatabasePermission {

    /** The operating system's wording (EACCES), which DuckDB passes on. */
    private static final String DENIED = "Permission denied";

    private DatabasePermission() {
    }

    /**
     * What to tell the user when {@code message} says access to {@code file} was denied; empty for any other failure.
     *
     * @param readOnly whether the project was opened read-only
     */
    static Optional<String> explain(String message, Path file, boolean readOnly) {
        if (message == null || !message.contains(DENIED)) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (readOnly) {
            return Optional.of(message + ". The user running mxcp needs to read " + absolute + ".");
        }
        return Optional.of(message + ". The user running mxcp needs to write " + absolute + " and its folder "
                + absolute.getParent() + " (DuckDB keeps its write-ahead log " + absolute.getFileName()
                + ".wal there); when nothing writes, --readonly (or MXCP_READONLY=1) needs only to read the file.");
    }
}
