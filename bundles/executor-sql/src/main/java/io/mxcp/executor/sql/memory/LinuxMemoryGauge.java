package io.mxcp.executor.sql.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Linux's own accounting: the machine's available memory ({@code MemAvailable}, which counts the page cache the
 * kernel can drop), the limits of the memory cgroups the server runs in, and the server's resident size.
 */
public final class LinuxMemoryGauge implements MemoryGauge {

    private static final long KIB = 1024;

    private final Path root;
    private final List<CgroupLimit> cgroups;

    private LinuxMemoryGauge(Path root, List<CgroupLimit> cgroups) {
        this.root = root;
        this.cgroups = cgroups;
    }

    /** The gauge of this machine; empty where there is no {@code /proc} to read. */
    public static Optional<MemoryGauge> ofThisMachine() {
        return at(Path.of("/"));
    }

    /** @param root a file system's root: {@code /}, or a folder shaped like it in tests */
    static Optional<MemoryGauge> at(Path root) {
        if (!Files.isReadable(root.resolve("proc/meminfo")) || !Files.isReadable(root.resolve("proc/self/status"))) {
            return Optional.empty();
        }
        List<CgroupLimit> cgroups;
        try {
            cgroups = Files.isReadable(root.resolve("proc/self/cgroup")) ? CgroupPath.limits(root) : List.of();
        } catch (IOException | RuntimeException e) {
            cgroups = List.of(); // the machine's memory still bounds the server
        }
        return Optional.of(new LinuxMemoryGauge(root, cgroups));
    }

    @Override
    public Optional<MemoryReading> read() {
        try {
            Optional<Long> resident = kibibytes(root.resolve("proc/self/status"), "VmRSS:");
            List<String> meminfo = Files.readAllLines(root.resolve("proc/meminfo"));
            Optional<Long> available = kibibytes(meminfo, "MemAvailable:");
            Optional<Long> total = kibibytes(meminfo, "MemTotal:");
            if (resident.isEmpty() || available.isEmpty() || total.isEmpty()) {
                return Optional.empty();
            }
            MemoryReading machine = new MemoryReading(available.get(), total.get(), "the machine's memory",
                    resident.get());
            Stream.Builder<MemoryReading> readings = Stream.<MemoryReading>builder().add(machine);
            for (CgroupLimit cgroup : cgroups) {
                try {
                    cgroup.headroom(resident.get()).ifPresent(readings::add);
                } catch (IOException | RuntimeException e) {
                    // a cgroup removed under the process, a file in another format: the other bounds still hold
                }
            }
            return readings.build().min(Comparator.comparingLong(MemoryReading::availableBytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> kibibytes(Path file, String key) throws IOException {
        return kibibytes(Files.readAllLines(file), key);
    }

    /** A {@code Key:   1234 kB} line, in bytes. */
    private static Optional<Long> kibibytes(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]) * KIB);
    }
}
