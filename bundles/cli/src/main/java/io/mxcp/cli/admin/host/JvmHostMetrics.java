package io.mxcp.cli.admin.host;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;

/**
 * The figures the JDK gives where there is no {@code /proc} (macOS, Windows), 0 for what it does not: boot time,
 * physical cores, per-CPU load, the 5 and 15 minute load averages, disk I/O, network traffic and resident memory.
 */
public final class JvmHostMetrics implements HostMetrics {

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    @Override
    public SystemInfo info() {
        return new SystemInfo(0, 0, os.getAvailableProcessors(), os.getTotalMemorySize());
    }

    /** The JDK's CPU load covers the time since its previous reading: read once, wait, read again. */
    @Override
    public CpuUsage cpu(Duration interval) throws InterruptedException {
        os.getCpuLoad();
        Thread.sleep(interval);
        double load = os.getCpuLoad();
        double oneMinute = os.getSystemLoadAverage();
        return new CpuUsage(load < 0 ? 0.0 : Percent.rounded(load * 100), List.of(),
                new LoadAverage(Math.max(0, oneMinute), 0, 0));
    }

    /** Memory not in use counts as available: the JDK does not tell caches apart. */
    @Override
    public MemoryUsage memory() {
        long total = os.getTotalMemorySize();
        long free = os.getFreeMemorySize();
        return MemoryUsage.of(total, free, total - free, free, os.getTotalSwapSpaceSize(), os.getFreeSwapSpaceSize());
    }

    @Override
    public DiskCounters diskIo() {
        return DiskCounters.NONE;
    }

    @Override
    public NetworkCounters network() {
        return NetworkCounters.NONE;
    }

    /** The process answering is running; its threads are the JVM's live threads. */
    @Override
    public ProcessUsage process() {
        long openFiles = os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
        return new ProcessUsage("running", 0, Math.max(0, os.getCommittedVirtualMemorySize()),
                ManagementFactory.getThreadMXBean().getThreadCount(), Math.max(0, openFiles));
    }
}
