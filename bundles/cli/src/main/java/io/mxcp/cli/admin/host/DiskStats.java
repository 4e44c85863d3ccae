package io.mxcp.cli.admin.host;

import java.util.function.Predicate;

/**
 * Reads {@code /proc/diskstats}: {@code major minor name reads merged sectors-read ms writes merged
 * sectors-written ...} (14 fields and more on current kernels; 7 for partitions on kernels before 2.6.25:
 * {@code major minor name reads sectors-read writes sectors-written}).
 */
final class DiskStats {

    /** The kernel counts these sectors in 512 bytes whatever the device's own sector size. */
    private static final long SECTOR = 512;

    private DiskStats() {
    }

    /**
     * @param wholeDisk which device names to count: partitions, and virtual devices stacked on disks (device
     *                  mapper, md, loop), would count the same I/O twice
     */
    static DiskCounters parse(String text, Predicate<String> wholeDisk) {
        DiskCounters sum = DiskCounters.NONE;
        for (String line : text.split("\n")) {
            String[] words = Words.of(line);
            if (words.length < 7 || !wholeDisk.test(words[2])) {
                continue;
            }
            try {
                long[] f = Words.numbers(words, 3);
                if (f.length >= 11) {
                    sum = sum.plus(new DiskCounters(f[2] * SECTOR, f[6] * SECTOR, f[0], f[4]));
                } else if (f.length == 4) {
                    sum = sum.plus(new DiskCounters(f[1] * SECTOR, f[3] * SECTOR, f[0], f[2]));
                }
            } catch (NumberFormatException unreadable) {
                // a device whose counters do not parse is left out
            }
        }
        return sum;
    }
}
