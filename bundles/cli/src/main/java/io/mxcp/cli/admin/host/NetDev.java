package io.mxcp.cli.admin.host;

/**
 * Reads {@code /proc/net/dev}: two header lines, then {@code <interface>: <8 receive counters> <8 transmit
 * counters>} (bytes, packets, errs, drop, ... in each half).
 */
final class NetDev {

    /** Traffic a machine has with itself is not network traffic (psutil counts it; we do not). */
    static final String LOOPBACK = "lo";

    private NetDev() {
    }

    /** The counters summed over every interface but the loopback. */
    static NetworkCounters parse(String text) {
        NetworkCounters sum = NetworkCounters.NONE;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).strip().equals(LOOPBACK)) {
                continue;
            }
            try {
                long[] c = Words.numbers(Words.of(line.substring(colon + 1)), 0);
                if (c.length >= 12) {
                    sum = sum.plus(new NetworkCounters(c[8], c[0], c[9], c[1], c[2], c[10], c[3], c[11]));
                }
            } catch (NumberFormatException unreadable) {
                // an interface whose counters do not parse is left out
            }
        }
        return sum;
    }
}
