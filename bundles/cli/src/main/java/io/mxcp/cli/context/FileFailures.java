package io.mxcp.cli.context;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * A file operation's failure in the operating system's words ({@code Permission denied}, {@code Is a directory}):
 * the JDK's own message is the path alone for a denied or missing file, and names no file for a folder.
 */
public final class FileFailures {

    private FileFailures() {
    }

    /** The system's words for the failure, without the file; empty when it gives none. */
    public static Optional<String> systemReason(Exception failure) {
        if (failure instanceof NoSuchFileException) {
            return Optional.of("No such file or directory");
        }
        if (failure instanceof AccessDeniedException) {
            return Optional.of("Permission denied");
        }
        return failure instanceof FileSystemException fileFailure ? Optional.ofNullable(fileFailure.getReason())
                : Optional.empty();
    }
}
