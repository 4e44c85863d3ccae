package io.mxcp.cli.admin.host;

import java.util.HashSet;
import java.util.Set;

/** Reads {@code /proc/cpuinfo}: a block of {@code key : value} lines per logical CPU, blank lines between blocks. */
final class CpuInfo {

    private CpuInfo() {
    }

    /**
     * The physical cores: the distinct {@code (physical id, core id)} pairs; 0 when the blocks do not name them
     * (most ARM kernels), as psutil answers None there and the reference reports 0.
     */
    static int physicalCores(String text) {
        Set<String> cores = new HashSet<>();
        String socket = null;
        String core = null;
        for (String line : (text + "\n\n").split("\n")) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (key.equals("physical id")) {
                socket = value;
            } else if (key.equals("core id")) {
                core = value;
            } else if (line.isBlank()) {
                if (socket != null && core != null) {
                    cores.add(socket + "/" + core);
                }
                socket = null;
                core = null;
            }
        }
        return cores.size();
    }
}
