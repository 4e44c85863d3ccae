package io.mxcp.kernel.api;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * A file operation's failure in the operating system's words ({@code Permission denied}): the JDK's own message of a
 * denied or missing file is its path alone, which says which file but not what is wrong with it.
 *
 * @since 1.9
 */
public final class FileFailureText {

    private FileFailureText() {
    }

    /** The system's words for the failure, without the file; empty when it gives none. */
    public static Optional<String> reason(Throwable failure) {
        return switch (failure) {
            case NoSuchFileException missing -> Optional.of("No such file or directory");
            case AccessDeniedException denied -> Optional.of("Permission denied");
            case FileSystemException other -> Optional.ofNullable(other.getReason());
            default -> Optional.empty();
        };
    }

    /** The failure's message, with the reason before the file when the message is the file alone. */
    public static String of(Throwable failure) {
        if (failure instanceof FileSystemException refused && refused.getReason() == null
                && refused.getFile() != null) {
            Optional<String> reason = reason(refused);
            if (reason.isPresent()) {
                return reason.get() + ": " + refused.getFile();
            }
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
