package io.mxcp.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path folder;

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void quotesOnlyTheFieldsThatNeedItAndEndsLinesWithCrLf() throws IOException {
        Path file = folder.resolve("out.csv");
        CsvFile.write(file, List.of(
                row("plain", "a b", "comma", "x,y", "quote", "say \"hi\"", "lines", "1\r\n2", "none", null),
                row("plain", "é", "comma", 3, "quote", 1.5, "lines", List.of(1, "a"), "none", Map.of("k", "v"))));
        assertEquals("plain,comma,quote,lines,none\r\n"
                + "a b,\"x,y\",\"say \"\"hi\"\"\",\"1\r\n2\",\r\n"
                + "é,3,1.5,\"[1,\"\"a\"\"]\",\"{\"\"k\"\":\"\"v\"\"}\"\r\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void noRowsMakeAnEmptyFile() throws IOException {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old content");
        CsvFile.write(file, List.of());
        assertEquals(0, Files.size(file));
    }
}
