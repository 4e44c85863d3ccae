package io.mxcp.cli.admin.host;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code /proc/meminfo} ({@code MemTotal:  16318284 kB}, one quantity a line) into memory figures. */
final class MemInfo {

    private MemInfo() {
    }

    /** The figures psutil derives on Linux; a missing line counts 0. */
    static MemoryUsage parse(String text) {
        Map<String, Long> bytes = kibibyteLines(text);
        long total = bytes.getOrDefault("MemTotal", 0L);
        long free = bytes.getOrDefault("MemFree", 0L);
        long buffers = bytes.getOrDefault("Buffers", 0L);
        // reclaimable slab is cache the kernel gives back on demand
        long cached = bytes.getOrDefault("Cached", 0L) + bytes.getOrDefault("SReclaimable", 0L);
        long used = total - free - buffers - cached;
        // kernels before 3.14 have no MemAvailable: then free memory and what caches give back
        long available = bytes.getOrDefault("MemAvailable", free + buffers + cached);
        return MemoryUsage.of(total, Math.min(available, total), used < 0 ? total - free : used, free,
                bytes.getOrDefault("SwapTotal", 0L), bytes.getOrDefault("SwapFree", 0L));
    }

    /** The lines measured in kB, in bytes by name; counts without a unit and unreadable lines are left out. */
    private static Map<String, Long> kibibyteLines(String text) {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            String[] words = colon < 0 ? new String[0] : Words.of(line.substring(colon + 1));
            if (words.length == 2 && words[1].equals("kB")) {
                try {
                    bytes.put(line.substring(0, colon).strip(), Long.parseLong(words[0]) * 1024);
                } catch (NumberFormatException unreadable) {
                    // skipped: the figure counts as missing
                }
            }
        }
        return bytes;
    }
}
