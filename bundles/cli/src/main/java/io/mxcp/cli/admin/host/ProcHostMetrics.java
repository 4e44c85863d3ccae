package io.mxcp.cli.admin.host;

import java.time.Duration;

/** The figures of a Linux machine, read from {@code /proc} (and {@code /sys/block}) as psutil reads them. */
public final class ProcHostMetrics implements HostMetrics {

    private final ProcFs files;

    public ProcHostMetrics(ProcFs files) {
        this.files = files;
    }

    /** The logical CPUs are the {@code cpuN} lines of /proc/stat: the CPUs online. */
    @Override
    public SystemInfo info() {
        ProcStat stat = ProcStat.parse(files.read("proc/stat"));
        return new SystemInfo(stat.bootSeconds(), CpuInfo.physicalCores(files.read("proc/cpuinfo")),
                stat.perCpu().size(), memory().totalBytes());
    }

    /** The total and each CPU from the same two readings, so that they agree. */
    @Override
    public CpuUsage cpu(Duration interval) throws InterruptedException {
        ProcStat before = ProcStat.parse(files.read("proc/stat"));
        Thread.sleep(interval);
        ProcStat after = ProcStat.parse(files.read("proc/stat"));
        return new CpuUsage(after.total().busyPercentSince(before.total()), after.perCpuPercentSince(before),
                LoadAverage.parse(files.read("proc/loadavg")));
    }

    @Override
    public MemoryUsage memory() {
        return MemInfo.parse(files.read("proc/meminfo"));
    }

    /** Whole disks are the block devices backed by a device ({@code /sys/block/<name>/device}). */
    @Override
    public DiskCounters diskIo() {
        // a slash in a device name (cciss/c0d0) is a '!' in /sys/block
        return DiskStats.parse(files.read("proc/diskstats"),
                name -> files.exists("sys/block/" + name.replace('/', '!') + "/device"));
    }

    @Override
    public NetworkCounters network() {
        return NetDev.parse(files.read("proc/net/dev"));
    }

    @Override
    public ProcessUsage process() {
        return ProcessStatus.parse(files.read("proc/self/status"), files.count("proc/self/fd"));
    }
}
