package io.mxcp.cli.command;

import io.mxcp.cli.output.Terminal;

/** An error message in a report: {@code Error: <first line>}, then its further non-blank lines indented. */
final class ErrorText {

    private ErrorText() {
    }

    static String indented(String indent, String message, Terminal terminal) {
        String[] lines = message == null ? new String[] {""} : message.split("\\R");
        StringBuilder text = new StringBuilder(indent).append(terminal.failure("Error: ")).append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                text.append(indent).append("  ").append(lines[i].strip()).append('\n');
            }
        }
        return text.toString();
    }
}
