package io.mxcp.cli.admin.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /proc/stat} says: the CPU times of the whole machine and of each online CPU, and the boot time.
 *
 * @param total       the {@code cpu} line, {@link CpuTicks#NONE} when missing
 * @param perCpu      the {@code cpuN} lines by name, in the file's order
 * @param bootSeconds {@code btime}, seconds since the epoch; 0 when missing
 */
record ProcStat(CpuTicks total, Map<String, CpuTicks> perCpu, long bootSeconds) {

    static ProcStat parse(String text) {
        CpuTicks total = CpuTicks.NONE;
        Map<String, CpuTicks> perCpu = new LinkedHashMap<>();
        long boot = 0;
        for (String line : text.split("\n")) {
            String[] words = Words.of(line);
            try {
                if (words.length > 1 && words[0].equals("cpu")) {
                    total = CpuTicks.of(Words.numbers(words, 1));
                } else if (words.length > 1 && words[0].matches("cpu\\d+")) {
                    perCpu.put(words[0], CpuTicks.of(Words.numbers(words, 1)));
                } else if (words.length == 2 && words[0].equals("btime")) {
                    boot = Long.parseLong(words[1]);
                }
            } catch (IllegalArgumentException unreadable) {
                // a line this parser does not understand tells nothing: skipped
            }
        }
        return new ProcStat(total, Collections.unmodifiableMap(perCpu), boot);
    }

    /** The busy percent of each CPU online in both readings, in this reading's order. */
    List<Double> perCpuPercentSince(ProcStat earlier) {
        List<Double> percents = new ArrayList<>();
        perCpu.forEach((name, ticks) -> {
            CpuTicks before = earlier.perCpu.get(name);
            if (before != null) {
                percents.add(ticks.busyPercentSince(before));
            }
        });
        return percents;
    }
}
