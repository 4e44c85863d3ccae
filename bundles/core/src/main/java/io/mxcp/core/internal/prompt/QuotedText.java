package io.mxcp.core.internal.prompt;

import java.util.function.IntPredicate;

/** Scans the text of a Jinja tag outside its string literals ({@code '...'} and {@code "..."}, backslash escapes). */
final class QuotedText {

    private QuotedText() {
    }

    /** The first index from {@code from}, outside string literals, where {@code stop} holds; -1 when there is none. */
    static int find(String text, int from, IntPredicate stop) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (stop.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #find}, and outside brackets too ({@code ()}, {@code []}, {@code {}}). */
    static int findTopLevel(String text, int from, IntPredicate stop) {
        int[] depth = {0};
        return find(text, from, i -> switch (text.charAt(i)) {
            case '(', '[', '{' -> {
                depth[0]++;
                yield false;
            }
            case ')', ']', '}' -> {
                depth[0]--;
                yield false;
            }
            default -> depth[0] == 0 && stop.test(i);
        });
    }
}
