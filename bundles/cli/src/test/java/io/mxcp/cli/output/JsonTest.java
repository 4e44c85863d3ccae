package io.mxcp.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void prettyPrintsLikePythonsJsonDumpsWithIndentTwo() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", List.of(1, "é"));
        value.put("a", Map.of());
        value.put("e", List.of());
        value.put("n", null);
        assertEquals("""
                {
                  "z": [
                    1,
                    "\\u00e9"
                  ],
                  "a": {},
                  "e": [],
                  "n": null
                }""", Json.pretty(value));
    }

    @Test
    void floatsAreWrittenAsPythonWritesThem() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("total_capital", 4.817E7);
        row.put("rate", 1.0E-5);
        assertEquals("{\"total_capital\":48170000.0,\"rate\":1e-05}", Json.compact(row));
        assertEquals("48170000.0", TableRenderer.cellText(4.817E7), "table cells too");
    }

    @Test
    void aParseErrorNamesPlacesWithoutTheParsersInternals() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class,
                () -> Json.parse("[\"gold\"".getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("Source") || e.getMessage().contains("REDACTED"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Unexpected end-of-input: expected close marker for Array (start marker"
                + " at line 1, column 1)"), e.getMessage());
    }

    @Test
    void parsesUtf16WithByteOrderMark() throws InvalidJsonException {
        byte[] utf16 = "\uFEFF{\"a\": [1, 2.5]}".getBytes(StandardCharsets.UTF_16BE);
        assertEquals(Map.of("a", List.of(1, 2.5)), Json.parse(utf16));
    }

    @Test
    void trailingGarbageIsInvalid() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> Json.parse("{\"a\": 1} x"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
