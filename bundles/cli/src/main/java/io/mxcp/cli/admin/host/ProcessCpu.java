package io.mxcp.cli.admin.host;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;

/**
 * This process's CPU use over a sampling interval, as psutil's {@code Process.cpu_percent}: a share of one CPU, so a
 * process busy on two CPUs shows 200. The JDK reads the same kernel counters as {@code /proc/self/stat} but knows
 * the clock tick, which Java cannot ask the kernel for without native code; it also works where there is no /proc.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** @return 0 where the JDK cannot tell the process's CPU time */
    public static double percent(Duration interval) throws InterruptedException {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        Thread.sleep(interval);
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        return cpuBefore < 0 ? 0.0 : Percent.of(Math.max(0, cpu), wall);
    }
}
