package io.mxcp.cli.admin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The figures without /proc (macOS, Windows), and the ones read the same everywhere, checked on this machine. */
class JvmHostMetricsTest {

    private final JvmHostMetrics host = new JvmHostMetrics();

    @Test
    void theJdkFiguresArePlausibleAndWhatItCannotTellIsZero() throws Exception {
        SystemInfo info = host.info();
        assertTrue(info.logicalCpus() >= 1 && info.memoryBytes() > 0, info.toString());
        assertEquals(0, info.bootTimeSeconds());

        MemoryUsage memory = host.memory();
        assertTrue(memory.freeBytes() <= memory.totalBytes(), memory.toString());
        assertTrue(memory.percent() >= 0 && memory.percent() <= 100, memory.toString());
        assertTrue(memory.swapPercent() >= 0 && memory.swapPercent() <= 100, memory.toString());

        CpuUsage cpu = host.cpu(Duration.ofMillis(100));
        assertTrue(cpu.percent() >= 0 && cpu.percent() <= 100, cpu.toString());
        assertEquals(List.of(), cpu.perCpu());
        assertEquals(0.0, cpu.load().fifteenMinutes());

        ProcessUsage process = host.process();
        assertEquals("running", process.status());
        assertTrue(process.threads() > 1 && process.vmsBytes() > 0 && process.openFiles() > 0, process.toString());
        assertEquals(DiskCounters.NONE, host.diskIo());
        assertEquals(NetworkCounters.NONE, host.network());
    }

    @Test
    void rootSpaceAddsUp() throws Exception {
        SpaceUsage root = SpaceUsage.ofRoot();
        assertTrue(root.totalBytes() > 0, root.toString());
        assertTrue(root.usedBytes() + root.freeBytes() <= root.totalBytes(), root.toString());
        assertTrue(root.percent() >= 0 && root.percent() <= 100, root.toString());
    }

    @Test
    void aBusyThreadShowsInTheProcessCpuPercent() throws Exception {
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread spinner = Thread.ofPlatform().start(() -> {
            long sum = 0;
            while (spinning.get()) {
                sum += System.nanoTime() % 7;
            }
            assertTrue(sum >= 0);
        });
        try {
            assertTrue(ProcessCpu.percent(Duration.ofMillis(300)) > 0);
        } finally {
            spinning.set(false);
            spinner.join();
        }
    }
}
