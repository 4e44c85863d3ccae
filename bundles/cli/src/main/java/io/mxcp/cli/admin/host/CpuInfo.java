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
        for (String block : text.split("\n\\s*\n")) {
            String socket = null;
            String core = null;
            for (String line : block.split("\n")) {
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).strip();
                if (key.equals("physical id")) {
                    socket = line.substring(colon + 1).strip();
                } else if (key.equals("core id")) {
                    core = line.substring(colon + 1).strip();
                }
            }
            if (socket != null && core != null) {
                cores.add(socket + "/" + core);
            }
        }
        return cores.size();
    }
}
