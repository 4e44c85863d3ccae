package io.mxcp.core.internal.prompt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a Jinja template's tags in order — {@code {{ expression }}}, {@code {% statement %}} — skipping text,
 * comments and the inside of {@code {% raw %}} blocks, and refusing, with Jinja2's messages, a tag or comment that
 * is never closed. A closing delimiter inside a string literal of the tag does not close it.
 */
final class TemplateLexer {

    /** One tag: whether it is a statement, and its inside without the delimiters and whitespace control marks. */
    record Tag(boolean statement, String inside) {
    }

    private static final Pattern RAW = Pattern.compile("\\s*-?\\s*raw\\s*-?\\s*");
    private static final Pattern END_RAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private final String template;
    private int position;

    TemplateLexer(String template) {
        this.template = template;
    }

    /** The next tag, or null at the end of the template. */
    Tag next() throws TemplateSyntaxException {
        while (true) {
            int open = nextOpening();
            if (open < 0) {
                position = template.length();
                return null;
            }
            char kind = template.charAt(open + 1);
            if (kind == '#') {
                int end = template.indexOf("#}", open + 2);
                if (end < 0) {
                    throw new TemplateSyntaxException("Missing end of comment tag");
                }
                position = end + 2;
                continue;
            }
            boolean statement = kind == '%';
            int end = closing(open + 2, statement ? "%}" : "}}");
            if (end < 0) {
                throw new TemplateSyntaxException(statement ? "unexpected 'end of template'"
                        : "unexpected end of template, expected 'end of print statement'.");
            }
            String inside = trimControl(template.substring(open + 2, end));
            position = end + 2;
            if (statement && RAW.matcher(template.substring(open + 2, end)).matches()) {
                skipRaw();
                continue;
            }
            return new Tag(statement, inside);
        }
    }

    private int nextOpening() {
        for (int i = position; i + 1 < template.length(); i++) {
            if (template.charAt(i) == '{') {
                char next = template.charAt(i + 1);
                if (next == '{' || next == '%' || next == '#') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where the tag's closing delimiter starts, outside string literals; -1 when there is none. */
    private int closing(int from, String delimiter) {
        return QuotedText.find(template, from, i -> template.startsWith(delimiter, i));
    }

    private void skipRaw() throws TemplateSyntaxException {
        Matcher end = END_RAW.matcher(template);
        if (end.find(position)) {
            position = end.end();
        } else if (position < template.length()) {
            throw new TemplateSyntaxException("Missing end of raw directive");
        }
    }

    private static String trimControl(String inside) {
        String s = inside.strip();
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.endsWith("-") || s.endsWith("+")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }
}
