package io.mxcp.executor.sql.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxMemoryGaugeTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path root;

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void machine(long totalMib, long availableMib, long residentMib) throws IOException {
        write("proc/meminfo", "MemTotal:       %d kB\nMemFree:         1024 kB\nMemAvailable:   %d kB\n"
                .formatted(totalMib * 1024, availableMib * 1024));
        write("proc/self/status", "Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t  %d kB\nThreads:\t40\n"
                .formatted(residentMib * 1024));
    }

    /** The process in v2 cgroup {@code /<name>} with that limit. */
    private void unifiedCgroup(String name, long limitMib) throws IOException {
        write("proc/self/cgroup", "0::/" + name + "\n");
        write("proc/self/mountinfo", "31 25 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/" + name + "/memory.max", (limitMib * MIB) + "\n");
    }

    private MemoryReading read() {
        return LinuxMemoryGauge.at(root).orElseThrow().read().orElseThrow();
    }

    @Test
    void withoutCgroupsTheMachinesAvailableMemoryBounds() throws IOException {
        machine(16_384, 8_000, 600);
        assertEquals(new MemoryReading(8_000 * MIB, 16_384 * MIB, "the machine's memory", 600 * MIB), read());
    }

    @Test
    void aV1LimitAboveTheProcesssCgroupBoundsWhenTighterThanTheMachine() throws IOException {
        machine(16_384, 8_000, 600);
        write("proc/self/cgroup", "5:cpu,cpuacct:/app/worker\n4:memory:/app/worker\n0::/\n");
        write("proc/self/mountinfo", """
                22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
                30 25 0:27 / /sys/fs/cgroup/memory rw,nosuid shared:12 - cgroup cgroup rw,memory
                40 25 0:35 / /sys/fs/cgroup/unified rw,nosuid shared:15 - cgroup2 cgroup2 rw
                """);
        write("sys/fs/cgroup/memory/app/worker/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/app/worker/memory.usage_in_bytes", "900000000\n");
        write("sys/fs/cgroup/memory/app/memory.limit_in_bytes", (2048 * MIB) + "\n");
        write("sys/fs/cgroup/memory/app/memory.usage_in_bytes", (1536 * MIB) + "\n");
        write("sys/fs/cgroup/memory/app/memory.stat", "cache 1\ninactive_file 5\ntotal_inactive_file %d\n"
                .formatted(256 * MIB));
        assertEquals(new MemoryReading(768 * MIB, 2048 * MIB, "the memory limit of cgroup /app", 600 * MIB), read());
    }

    @Test
    void aV2LimitIsReadInsideTheMountsOwnRootAndMaxMeansNone() throws IOException {
        machine(16_384, 8_000, 300);
        write("proc/self/cgroup", "0::/kubepods/pod1/c\n");
        write("proc/self/mountinfo", "31 25 0:26 /kubepods/pod1 /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/c/memory.max", "max\n");
        write("sys/fs/cgroup/c/memory.current", "1\n");
        write("sys/fs/cgroup/memory.max", (1024 * MIB) + "\n");
        write("sys/fs/cgroup/memory.current", (900 * MIB) + "\n");
        write("sys/fs/cgroup/memory.stat", "anon 1\nfile 2\ninactive_file %d\nactive_file 3\n".formatted(100 * MIB));
        assertEquals(new MemoryReading(224 * MIB, 1024 * MIB, "the memory limit of cgroup /", 300 * MIB), read());
    }

    @Test
    void aLooserCgroupLimitLeavesTheMachineAsTheBound() throws IOException {
        machine(4_096, 1_000, 300);
        unifiedCgroup("service", 8192);
        write("sys/fs/cgroup/service/memory.current", (500 * MIB) + "\n");
        assertEquals("the machine's memory", read().bound());
    }

    @Test
    void aCgroupThatCannotBeReadLeavesTheMachinesReading() throws IOException {
        machine(4_096, 1_000, 300);
        unifiedCgroup("gone", 512); // and no memory.current
        assertEquals(new MemoryReading(1_000 * MIB, 4_096 * MIB, "the machine's memory", 300 * MIB), read());
    }

    @Test
    void noProcFolderMeansNoGauge() {
        assertTrue(LinuxMemoryGauge.at(root).isEmpty());
    }
}
