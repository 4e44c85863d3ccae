package io.mxcp.cli.admin.host;

/** The machine's physical memory and swap, in bytes, as psutil's {@code virtual_memory} and {@code swap_memory}. */
public record MemoryUsage(long totalBytes, long availableBytes, long usedBytes, long freeBytes, double percent,
        long swapTotalBytes, long swapUsedBytes, long swapFreeBytes, double swapPercent) {

    /** From totals, free and available memory and swap; percentages are of what is not available. */
    static MemoryUsage of(long total, long available, long used, long free, long swapTotal, long swapFree) {
        long swapUsed = Math.max(0, swapTotal - swapFree);
        return new MemoryUsage(total, available, used, free, Percent.of(total - available, total), swapTotal,
                swapUsed, swapFree, Percent.of(swapUsed, swapTotal));
    }
}
