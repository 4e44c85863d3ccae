package io.mxcp.core.internal.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates the secret files kept beside an audit log, readable by their owner only ({@code 0600}) from the start. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the file empty, readable and writable by its owner only, unless it exists.
     *
     * @return false when it existed already (another writer made it: use theirs)
     */
    static boolean create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // created with its permissions, not changed after: the secret is never readable by others, even briefly
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        return true;
    }
}
