package io.mxcp.cli.admin.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads the Linux kernel's pseudo-files ({@code /proc}, and {@code /sys/block} for telling disks from partitions)
 * under a root folder: {@code /} on a live system, a folder of sample files in tests. A file that is missing or
 * cannot be read reads as empty text, so each parser's answer for "unavailable" is its answer for no lines.
 */
public final class ProcFs {

    private final Path root;

    /** @param root the folder holding {@code proc/} and {@code sys/} */
    public ProcFs(Path root) {
        this.root = root;
    }

    /** The running system's files. */
    public static ProcFs system() {
        return new ProcFs(Path.of("/"));
    }

    /** Whether this looks like Linux: {@code proc/stat} and {@code proc/meminfo} can be read. */
    public boolean available() {
        return Files.isReadable(root.resolve("proc/stat")) && Files.isReadable(root.resolve("proc/meminfo"));
    }

    /** @param path relative to the root, e.g. {@code proc/meminfo} */
    public String read(String path) {
        try {
            // procfs files report size 0: readString reads to the end regardless
            return Files.readString(root.resolve(path));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    /** The entries of a folder, 0 when it cannot be listed. */
    public long count(String path) {
        try (Stream<Path> entries = Files.list(root.resolve(path))) {
            return entries.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
