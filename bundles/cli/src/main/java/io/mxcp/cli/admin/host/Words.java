package io.mxcp.cli.admin.host;

/** Splits the kernel's text lines into words and numbers; callers skip a line whose numbers do not parse. */
final class Words {

    private Words() {
    }

    /** The whitespace-separated words of a line, none for a blank one. */
    static String[] of(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    /**
     * The words from {@code from} on as numbers.
     *
     * @throws NumberFormatException when one is not a whole number
     */
    static long[] numbers(String[] words, int from) {
        long[] numbers = new long[Math.max(0, words.length - from)];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Long.parseLong(words[from + i]);
        }
        return numbers;
    }
}
