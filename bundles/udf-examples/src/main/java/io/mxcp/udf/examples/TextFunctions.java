package io.mxcp.udf.examples;

/**
 * The logic behind the sample SQL functions, as plain Java: no SDK or OSGi types, so it is easy to test.
 * SQL NULL arrives as {@code null}; each function decides what NULL means for it.
 */
final class TextFunctions {

    private TextFunctions() {
    }

    /** ROT13 of the ASCII letters; other characters unchanged; NULL stays NULL. */
    static String rot13(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder rotated = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                rotated.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                rotated.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
                rotated.append(c);
            }
        }
        return rotated.toString();
    }

    /** The number of whitespace-separated words; NULL and blank text have none. */
    static long wordCount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }
}
