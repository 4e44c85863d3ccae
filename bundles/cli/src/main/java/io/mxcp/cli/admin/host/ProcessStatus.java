package io.mxcp.cli.admin.host;

import java.util.Map;

/** Reads {@code /proc/self/status}: {@code Name:\tjava}, {@code State:\tS (sleeping)}, {@code VmRSS:\t 123 kB}, ... */
final class ProcessStatus {

    /** The state letters by psutil's names for them. */
    private static final Map<String, String> STATES = Map.ofEntries(Map.entry("R", "running"),
            Map.entry("S", "sleeping"), Map.entry("D", "disk-sleep"), Map.entry("T", "stopped"),
            Map.entry("t", "tracing-stop"), Map.entry("Z", "zombie"), Map.entry("X", "dead"), Map.entry("x", "dead"),
            Map.entry("K", "wake-kill"), Map.entry("W", "waking"), Map.entry("I", "idle"), Map.entry("P", "parked"));

    private ProcessStatus() {
    }

    /**
     * @param openFiles the entries of {@code /proc/self/fd}
     */
    static ProcessUsage parse(String text, long openFiles) {
        String state = "";
        long rss = 0;
        long vms = 0;
        int threads = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            String[] words = colon < 0 ? new String[0] : Words.of(line.substring(colon + 1));
            if (words.length == 0) {
                continue;
            }
            try {
                switch (line.substring(0, colon)) {
                    case "State" -> state = words[0];
                    case "VmRSS" -> rss = Long.parseLong(words[0]) * 1024;
                    case "VmSize" -> vms = Long.parseLong(words[0]) * 1024;
                    case "Threads" -> threads = Integer.parseInt(words[0]);
                    default -> {
                        // the other lines are not reported
                    }
                }
            } catch (NumberFormatException unreadable) {
                // the figure stays 0
            }
        }
        // the main thread's state is the process's (as ps and psutil report it); a letter we do not know is shown as is
        return new ProcessUsage(STATES.getOrDefault(state, state.isEmpty() ? "unknown" : state), rss, vms, threads,
                openFiles);
    }
}
