package io.mxcp.core.internal.audit;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * An I/O failure in the words an operator reads in the log: the JDK's message of a denied or missing file is its path
 * alone, which says which file but not what is wrong with it.
 */
public final class IoFailureText {

    private IoFailureText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof FileSystemException refused && refused.getReason() == null) {
            String kind = switch (refused) {
                case AccessDeniedException denied -> "Permission denied";
                case NoSuchFileException missing -> "No such file or directory";
                default -> null;
            };
            if (kind != null) {
                return kind + ": " + refused.getFile();
            }
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
