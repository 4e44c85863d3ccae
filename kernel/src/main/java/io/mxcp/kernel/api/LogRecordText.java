package io.mxcp.kernel.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a log record made safe to append to a line-oriented log: messages quote what callers send (a parameter
 * in a DuckDB error, a tool name), so a line break in it could forge a whole record in the log's own format, and a
 * terminal escape could erase lines on an operator's {@code tail -f}. A message is folded onto one line and every
 * other control character is shown escaped; a stack trace keeps its lines, each after the first indented, so that
 * only a record's first line starts at the margin.
 *
 * @since 1.10
 */
public final class LogRecordText {

    /** Any line break: CR, LF, CRLF, VT, FF, NEL, U+2028 and U+2029. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    /** C0 but tab, DEL, C1, and the bidirectional overrides and isolates that reorder what a terminal shows. */
    private static final Pattern HIDDEN =
            Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    private LogRecordText() {
    }

    /** The message's lines, stripped and without the empty ones, joined by {@code " | "}; other controls escaped. */
    public static String message(String message) {
        if (message == null) {
            return null;
        }
        String oneLine = !LINE_BREAK.matcher(message).find() ? message
                : LINE_BREAK.splitAsStream(message.strip()).map(String::strip).filter(part -> !part.isEmpty())
                        .collect(Collectors.joining(" | "));
        return escaped(oneLine);
    }

    /**
     * The failure's stack trace as {@link Throwable#printStackTrace()} writes it, ending with a line break, but with
     * controls escaped and a line that starts neither with a tab nor with {@code Caused by:} (a multi-line message's
     * continuation) indented by a tab.
     */
    public static String trace(Throwable failure) {
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        StringBuilder trace = new StringBuilder(printed.getBuffer().length() + 64);
        String[] lines = LINE_BREAK.split(printed.toString());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && !line.startsWith("\t") && !line.startsWith("Caused by: ")) {
                trace.append('\t');
            }
            trace.append(escaped(line)).append(System.lineSeparator());
        }
        return trace.toString();
    }

    /**
     * The text with each control but line feed and tab shown as its code in hex: {@code \x1b} for ESC, a backslash,
     * {@code u} and four digits above U+00FF (the bidirectional overrides and isolates). For text that keeps its lines
     * on a terminal (a command's result), where a control would act instead of showing.
     *
     * @since 1.11
     */
    public static String escaped(String text) {
        Matcher controls = HIDDEN.matcher(text);
        if (!controls.find()) {
            return text;
        }
        return controls.replaceAll(control -> {
            char c = control.group().charAt(0);
            return Matcher.quoteReplacement(String.format(c <= 0xFF ? "\\x%02x" : "\\u%04x", (int) c));
        });
    }
}
