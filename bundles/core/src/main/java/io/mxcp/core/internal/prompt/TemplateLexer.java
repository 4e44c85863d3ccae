package io.mxcp.core.internal.prompt;

import java.util.ArrayDeque;
import java.util.Deque;
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
            String inside = trimControl(template.substring(open + 2, end), statement);
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

    /**
     * Where the tag's closing delimiter starts: outside string literals and brackets, as Jinja2's lexer finds it (a
     * dict literal's {@code }}} does not close a print tag); -1 when there is none.
     *
     * @throws TemplateSyntaxException for a closing bracket that does not pair with the last one opened
     */
    private int closing(int from, String delimiter) throws TemplateSyntaxException {
        Deque<Character> open = new ArrayDeque<>();
        String[] mismatch = {null};
        int end = QuotedText.find(template, from, i -> {
            char c = template.charAt(i);
            if (open.isEmpty() && template.startsWith(delimiter, i)) {
                return true;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(c == '(' ? ')' : c == '[' ? ']' : '}');
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty()) {
                    mismatch[0] = "unexpected '" + c + "'";
                    return true;
                }
                char expected = open.pop();
                if (c != expected) {
                    mismatch[0] = "unexpected '" + c + "'" + (expected == '}' ? "" : ", expected '" + expected + "'");
                    return true;
                }
            }
            return false;
        });
        if (mismatch[0] != null) {
            throw new TemplateSyntaxException(mismatch[0]);
        }
        return end;
    }

    private void skipRaw() throws TemplateSyntaxException {
        Matcher end = END_RAW.matcher(template);
        if (end.find(position)) {
            position = end.end();
        } else if (position < template.length()) {
            throw new TemplateSyntaxException("Missing end of raw directive");
        }
    }

    /**
     * The tag's inside without its whitespace control marks, which touch the delimiters: {@code -} on either side,
     * and {@code +} on a statement's.
     */
    private static String trimControl(String inside, boolean statement) {
        String s = inside;
        if (s.startsWith("-") || statement && s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.endsWith("-") || statement && s.endsWith("+")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }
}
