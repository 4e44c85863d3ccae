package io.mxcp.cli.command;

import io.mxcp.cli.output.Terminal;

/**
 * An error message in a report: {@code Error: <first line>}, then its further non-blank lines indented, each keeping
 * its own indentation (the caret under DuckDB's {@code LINE 1:} quote stays under what it points at).
 */
final class ErrorText {

    private ErrorText() {
    }

    static String indented(String indent, String message, Terminal terminal) {
        String[] lines = message == null ? new String[] {""} : message.split("\\R");
        StringBuilder text = new StringBuilder(indent).append(terminal.failure("Error: ")).append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                text.append(indent).append("  ").append(lines[i].stripTrailing()).append('\n');
            }
        }
        return text.toString();
    }
}
