package io.mxcp.executor.sql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.mxcp.executor.sql.runtime.DriverMessages;
import io.mxcp.kernel.api.SqlFunctionMessages;

/** DuckDB error text as the caller should read it. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** DuckDB's quote of the statement it ran, and the caret line under it. */
    private static final Pattern QUOTED_LINE = Pattern.compile("^LINE \\d+: ");
    private static final Pattern POSITIONAL = Pattern.compile("\\$(\\d+)\\b");

    /**
     * The driver's message without the prefix it adds for errors raised while a statement runs, without the Java
     * stack frames it appends when a Java UDF throws ({@code Invalid Input Error: java.lang.IllegalStateException:
     * boom\n\tat ...}), and with plugin functions named as SQL calls them.
     */
    static String message(Throwable error) {
        return SqlFunctionMessages.asCalled(DriverMessages.of(error).lines()
                .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... "))
                .collect(Collectors.joining("\n"))
                .strip());
    }

    /**
     * The message with DuckDB's quote of the statement ({@code LINE 1: ...} and the caret under it) as its author
     * wrote it: without the text MXCP put before it ({@code PREPARE mxcp_validate_4 AS}) and with each positional
     * parameter the statement was rewritten to ({@code $1}) named again ({@code $who}), the caret moved to match.
     *
     * @param addedPrefix    what MXCP ran before the author's text, or empty
     * @param parameterNames the names of positions 1, 2, ...
     */
    static String message(Throwable error, String addedPrefix, List<String> parameterNames) {
        String[] lines = message(error).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher quoted = QUOTED_LINE.matcher(lines[i]);
            if (!quoted.find()) {
                continue;
            }
            String head = quoted.group();
            String text = lines[i].substring(head.length());
            boolean hasCaret = i + 1 < lines.length && lines[i + 1].strip().equals("^");
            int caret = hasCaret ? lines[i + 1].indexOf('^') - head.length() : -1;
            if (!addedPrefix.isEmpty() && text.startsWith(addedPrefix)) {
                text = text.substring(addedPrefix.length());
                caret -= addedPrefix.length();
            }
            StringBuilder named = new StringBuilder();
            int caretShift = 0;
            Matcher positional = POSITIONAL.matcher(text);
            while (positional.find()) {
                int position = Integer.parseInt(positional.group(1));
                String name = position >= 1 && position <= parameterNames.size()
                        ? "$" + parameterNames.get(position - 1) : positional.group();
                if (positional.start() < caret) {
                    caretShift += name.length() - positional.group().length();
                }
                positional.appendReplacement(named, Matcher.quoteReplacement(name));
            }
            positional.appendTail(named);
            lines[i] = head + named;
            if (hasCaret && caret >= 0) {
                lines[i + 1] = " ".repeat(head.length() + caret + caretShift) + "^";
            }
        }
        return String.join("\n", lines);
    }
}
