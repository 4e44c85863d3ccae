package io.mxcp.executor.sql.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One memory cgroup on this process's path, with the files of its version: a limit set here or on any cgroup above
 * ends the process when reached, whatever the machine still has.
 */
record CgroupLimit(Path dir, String name, boolean unified) {

    /** A v1 limit at or above this means none (the kernel shows "no limit" as the largest page-aligned long). */
    private static final long V1_UNLIMITED = 1L << 62;

    /** What is left under this cgroup's limit; empty when it has none. */
    Optional<MemoryReading> headroom(long residentBytes) throws IOException {
        Optional<Long> limit = limit();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        long usage = number(dir.resolve(unified ? "memory.current" : "memory.usage_in_bytes"));
        // file pages the kernel can drop count as used in the cgroup, but do not bring its OOM killer
        long reclaimable = statistic(unified ? "inactive_file" : "total_inactive_file");
        long used = Math.max(0, usage - reclaimable);
        return Optional.of(new MemoryReading(limit.get() - used, limit.get(),
                "the memory limit of cgroup " + name, residentBytes));
    }

    private Optional<Long> limit() throws IOException {
        Path file = dir.resolve(unified ? "memory.max" : "memory.limit_in_bytes");
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // a hierarchy's root has no limit file
        }
        String text = Files.readString(file).strip();
        if (text.equals("max")) {
            return Optional.empty();
        }
        long limit = Long.parseLong(text);
        return limit >= V1_UNLIMITED ? Optional.empty() : Optional.of(limit);
    }

    private long statistic(String key) throws IOException {
        Path file = dir.resolve("memory.stat");
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).strip());
            }
        }
        return 0;
    }

    private static long number(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }
}
