package io.mxcp.cli.admin.host;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The space of a file system, as psutil's {@code disk_usage}: {@code used} is what is allocated, {@code free} what
 * an unprivileged user may still use (the blocks reserved for root are in neither), and the percent is of their sum.
 */
public record SpaceUsage(long totalBytes, long usedBytes, long freeBytes, double percent) {

    /** The file system holding the root folder. */
    public static SpaceUsage ofRoot() throws IOException {
        return of(Files.getFileStore(Path.of("/").toAbsolutePath()));
    }

    static SpaceUsage of(FileStore store) throws IOException {
        long total = store.getTotalSpace();
        long used = total - store.getUnallocatedSpace();
        long free = store.getUsableSpace();
        return new SpaceUsage(total, used, free, Percent.of(used, used + free));
    }
}
