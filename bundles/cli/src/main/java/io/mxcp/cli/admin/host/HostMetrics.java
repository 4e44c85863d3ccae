package io.mxcp.cli.admin.host;

import java.time.Duration;

/**
 * The machine's and this process's figures behind the admin socket's {@code /system/*} routes (spec 03 §4), read
 * without native libraries (docs/decisions.md).
 */
public interface HostMetrics {

    SystemInfo info();

    /** Samples the CPUs over the interval: the call takes that long. */
    CpuUsage cpu(Duration interval) throws InterruptedException;

    MemoryUsage memory();

    DiskCounters diskIo();

    NetworkCounters network();

    ProcessUsage process();

    /** {@code /proc} where there is one (Linux), else what the JDK reports. */
    static HostMetrics ofThisMachine() {
        ProcFs files = ProcFs.system();
        return files.available() ? new ProcHostMetrics(files) : new JvmHostMetrics();
    }
}
