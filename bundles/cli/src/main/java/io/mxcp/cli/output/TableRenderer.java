package io.mxcp.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.core.api.PythonFloats;

/**
 * Renders rows (maps of column to value) as a boxed text table: columns in first-seen order, at most
 * {@value #MAX_ROWS} rows and {@value #MAX_WIDTH} characters a cell.
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
            widths[c] = header[c].length();
        }
        for (Map<?, ?> row : shown) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = clip(cellText(row.get(columns.get(c))));
                widths[c] = Math.max(widths[c], line[c].length());
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

    private static String clip(String text) {
        String oneLine = text.replace("\r", "").replace('\n', ' ');
        return oneLine.length() > MAX_WIDTH ? oneLine.substring(0, MAX_WIDTH - 1) + "…" : oneLine;
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
            text.append(' ').append(values[c]).append(" ".repeat(widths[c] - values[c].length())).append(" │");
        }
        return text.append('\n').toString();
    }
}
