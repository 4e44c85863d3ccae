package io.mxcp.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.api.PythonFloats;
import io.mxcp.kernel.api.LogRecordText;

/**
 * Renders rows (maps of column to value) as a boxed text table: columns in first-seen order, at most
 * {@value #MAX_ROWS} rows and {@value #MAX_WIDTH} terminal columns a cell, lined up by the columns characters take
 * (two for CJK and emoji).
 */
public final class TableRenderer {

    static final int MAX_ROWS = 100;
    static final int MAX_WIDTH = 50;

    private TableRenderer() {
    }

    public static String render(List<? extends Map<?, ?>> rows) {
        Set<Object> columnKeys = new LinkedHashSet<>();
        rows.forEach(row -> columnKeys.addAll(row.keySet()));
        List<Object> columns = new ArrayList<>(columnKeys);
        List<Map<?, ?>> shown = List.copyOf(rows.subList(0, Math.min(rows.size(), MAX_ROWS)));

        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            header[c] = clip(String.valueOf(columns.get(c)));
            widths[c] = DisplayWidth.of(header[c]);
        }
        for (Map<?, ?> row : shown) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = clip(cellText(row.get(columns.get(c))));
                widths[c] = Math.max(widths[c], DisplayWidth.of(line[c]));
            }
            cells.add(line);
        }

        StringBuilder text = new StringBuilder();
        text.append(border('┌', '┬', '┐', widths));
        text.append(line(header, widths));
        text.append(border('├', '┼', '┤', widths));
        cells.forEach(line -> text.append(line(line, widths)));
        text.append(border('└', '┴', '┘', widths));
        if (rows.size() > shown.size()) {
            text.append("Showing the first ").append(shown.size()).append(" of ").append(rows.size())
                    .append(" rows (use --json-output to see all)\n");
        }
        return text.toString();
    }

    /** How a value reads in a cell or a plain line: text as itself, null empty, anything else as JSON. */
    public static String cellText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Double number) {
            return PythonFloats.text(number);
        }
        if (value instanceof Float number) {
            return PythonFloats.text(number);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return Json.compact(value);
    }

    /**
     * One line of at most {@value #MAX_WIDTH} columns; other control characters escaped, so that a value cannot move
     * the cursor, clear the screen or retitle the terminal.
     */
    private static String clip(String text) {
        String oneLine = LogRecordText.message(text.replace("\r", "").replace('\n', ' ').replace('\t', ' '));
        return DisplayWidth.of(oneLine) > MAX_WIDTH ? DisplayWidth.fit(oneLine, MAX_WIDTH - 1) + "…" : oneLine;
    }

    private static String border(char left, char middle, char right, int[] widths) {
        StringBuilder text = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            text.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : middle);
        }
        return text.append('\n').toString();
    }

    private static String line(String[] values, int[] widths) {
        StringBuilder text = new StringBuilder("│");
        for (int c = 0; c < widths.length; c++) {
            String padding = " ".repeat(widths[c] - DisplayWidth.of(values[c]));
            text.append(' ').append(values[c]).append(padding).append(" │");
        }
        return text.append('\n').toString();
    }
}
