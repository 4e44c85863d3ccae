package io.mxcp.executor.sql.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits SQL into statements and finds their parameters ({@code $name}, {@code $1}, {@code ?}), skipping
 * string literals (including {@code E'..'} with backslash escapes), quoted identifiers, line and nested
 * block comments and dollar-quoted strings ({@code $$..$$}, {@code $tag$..$tag$}), as DuckDB's lexer does.
 * Plain JDBC binds by position only, so each parameter is rewritten to {@code $n}, one {@code n} per
 * distinct (case-insensitive) name.
 */
final class SqlTokenizer {

    private final String sql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;

    private int statementStart;
    private boolean statementHasContent;
    private final StringBuilder bindable = new StringBuilder();
    private final Map<String, Integer> parameterPositions = new LinkedHashMap<>();
    private int questionMarks;

    SqlTokenizer(String sql) {
        this.sql = sql;
    }

    SqlScript split() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == ';') {
                endStatement(pos);
                pos++;
                statementStart = pos;
            } else if (c == '\'') {
                content();
                copyQuoted('\'', isEscapeStringPrefix());
            } else if (c == '"') {
                content();
                copyQuoted('"', false);
            } else if (c == '-' && peek(1) == '-') {
                copyLineComment();
            } else if (c == '/' && peek(1) == '*') {
                copyBlockComment();
            } else if (c == '$') {
                content();
                dollar();
            } else if (c == '?') {
                content();
                questionMarks++;
                parameter(Integer.toString(questionMarks));
                pos++;
            } else {
                if (!Character.isWhitespace(c)) {
                    content();
                }
                bindable.append(c);
                pos++;
            }
        }
        endStatement(sql.length());
        return new SqlScript(statements);
    }

    private void content() {
        statementHasContent = true;
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void endStatement(int end) {
        if (statementHasContent) {
            String text = sql.substring(statementStart, end).strip();
            statements.add(new SqlStatement(text, bindable.toString().strip(), List.copyOf(parameterPositions.keySet())));
        }
        bindable.setLength(0);
        parameterPositions.clear();
        questionMarks = 0;
        statementHasContent = false;
    }

    /** {@code E'...'} (not the tail of a longer identifier) treats backslash as an escape character. */
    private boolean isEscapeStringPrefix() {
        if (pos == 0 || Character.toUpperCase(sql.charAt(pos - 1)) != 'E') {
            return false;
        }
        return pos == 1 || !isIdentifierPart(sql.charAt(pos - 2));
    }

    /** Copies a quoted literal; a doubled quote inside reads as two adjacent literals, which copies the same. */
    private void copyQuoted(char quote, boolean backslashEscapes) {
        int start = pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (backslashEscapes && c == '\\') {
                pos++;
            } else if (c == quote) {
                break;
            }
        }
        pos = Math.min(pos, sql.length());
        bindable.append(sql, start, pos);
    }

    private void copyLineComment() {
        int start = pos;
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
        bindable.append(sql, start, pos);
    }

    private void copyBlockComment() {
        int start = pos;
        pos += 2;
        int depth = 1;
        while (pos < sql.length() && depth > 0) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, sql.length());
        bindable.append(sql, start, pos);
    }

    /** {@code $1}, {@code $name}, or the start of a dollar-quoted string ({@code $$}, {@code $tag$}). */
    private void dollar() {
        int start = pos;
        int end = pos + 1;
        if (end < sql.length() && Character.isDigit(sql.charAt(end))) {
            while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                end++;
            }
            parameter(sql.substring(start + 1, end));
            pos = end;
            return;
        }
        while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$') {
            String delimiter = sql.substring(start, end + 1);
            int close = sql.indexOf(delimiter, end + 1);
            pos = close < 0 ? sql.length() : close + delimiter.length();
            bindable.append(sql, start, pos);
        } else if (end > start + 1) {
            parameter(sql.substring(start + 1, end));
            pos = end;
        } else {
            bindable.append('$');
            pos++;
        }
    }

    private void parameter(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer position = parameterPositions.computeIfAbsent(key, k -> parameterPositions.size() + 1);
        bindable.append('$').append(position);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
    }
}
