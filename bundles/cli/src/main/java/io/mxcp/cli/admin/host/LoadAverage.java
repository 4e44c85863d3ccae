package io.mxcp.cli.admin.host;

/** The run-queue load averages over 1, 5 and 15 minutes; 0 where the system does not tell. */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {

    static final LoadAverage NONE = new LoadAverage(0, 0, 0);

    /** From {@code /proc/loadavg}: {@code 0.52 0.58 0.59 1/467 12345}. */
    static LoadAverage parse(String text) {
        String[] words = Words.of(text);
        try {
            return words.length < 3 ? NONE
                    : new LoadAverage(Double.parseDouble(words[0]), Double.parseDouble(words[1]),
                            Double.parseDouble(words[2]));
        } catch (NumberFormatException unreadable) {
            return NONE;
        }
    }
}
