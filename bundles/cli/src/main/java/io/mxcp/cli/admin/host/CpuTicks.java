package io.mxcp.cli.admin.host;

/**
 * Where a CPU's time went since boot, in clock ticks, from one {@code cpu} line of {@code /proc/stat}.
 *
 * @param idle  ticks spent idle, waiting for I/O included
 * @param total all ticks
 */
record CpuTicks(long idle, long total) {

    static final CpuTicks NONE = new CpuTicks(0, 0);

    /**
     * @param times user nice system idle [iowait irq softirq steal guest guest_nice]; older kernels give fewer
     * @throws IllegalArgumentException when there are fewer than four
     */
    static CpuTicks of(long[] times) {
        if (times.length < 4) {
            throw new IllegalArgumentException("a cpu line has at least four times");
        }
        long total = 0;
        // guest and guest_nice are counted in user and nice already (as psutil does, they are left out)
        for (int i = 0; i < Math.min(times.length, 8); i++) {
            total += times[i];
        }
        // iowait is idle time: the CPU had nothing to run
        long idle = times[3] + (times.length > 4 ? times[4] : 0);
        return new CpuTicks(idle, total);
    }

    /** The busy share of the ticks since an earlier reading, 0..100; 0 when no tick passed. */
    double busyPercentSince(CpuTicks earlier) {
        long elapsed = total - earlier.total;
        if (elapsed <= 0) {
            return 0.0;
        }
        long busy = elapsed - (idle - earlier.idle);
        return Percent.of(Math.clamp(busy, 0, elapsed), elapsed);
    }
}
