package io.mxcp.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rows written as RFC 4180 CSV: UTF-8, CRLF line ends, a header of the first row's keys, a field quoted only when
 * it holds a comma, a quote or a line break (quotes doubled). Values read as in a table cell: nulls empty, maps and
 * lists as JSON text.
 */
public final class CsvFile {

    private static final String LINE_END = "\r\n";

    private CsvFile() {
    }

    /** Writes the rows to {@code file}, replacing it; no rows make an empty file (there is no header to take). */
    public static void write(Path file, List<? extends Map<String, ?>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (rows.isEmpty()) {
                return;
            }
            List<String> columns = List.copyOf(rows.getFirst().keySet());
            writeLine(out, columns);
            for (Map<String, ?> row : rows) {
                writeLine(out, columns.stream().map(column -> TableRenderer.cellText(row.get(column))).toList());
            }
        }
    }

    private static void writeLine(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write(LINE_END);
    }

    private static String field(String value) {
        boolean quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
