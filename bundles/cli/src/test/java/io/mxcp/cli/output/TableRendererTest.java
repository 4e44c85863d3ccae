package io.mxcp.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableRendererTest {

    @Test
    void columnsInFirstSeenOrderWithMissingCellsEmpty() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("name", "ann");
        first.put("age", 31);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("name", "bob");
        second.put("tags", List.of("x"));
        assertEquals("""
                ┌──────┬─────┬───────┐
                │ name │ age │ tags  │
                ├──────┼─────┼───────┤
                │ ann  │ 31  │       │
                │ bob  │     │ ["x"] │
                └──────┴─────┴───────┘
                """, TableRenderer.render(List.of(first, second)));
    }

    @Test
    void longCellsAreCutAndRowsLimited() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            rows.add(Map.of("text", "y".repeat(80)));
        }
        String table = TableRenderer.render(rows);
        assertTrue(table.contains("│ " + "y".repeat(49) + "… │"), table);
        assertEquals(1 + 100, table.lines().filter(line -> line.startsWith("│")).count(), "header and 100 rows");
        assertTrue(table.contains("Showing the first 100 of 130 rows"), table);
    }

    @Test
    void wideCharactersTakeTwoColumnsAndControlsAreShownEscaped() {
        Map<String, Object> munich = new LinkedHashMap<>();
        munich.put("city", "München");
        munich.put("dish", "Weißwurst 🥨");
        Map<String, Object> tokyo = new LinkedHashMap<>();
        tokyo.put("city", "東京");
        tokyo.put("dish", "寿司\t\u001b]0;pwned\u0007");
        assertEquals("""
                ┌─────────┬───────────────────────┐
                │ city    │ dish                  │
                ├─────────┼───────────────────────┤
                │ München │ Weißwurst 🥨          │
                │ 東京    │ 寿司 \\x1b]0;pwned\\x07 │
                └─────────┴───────────────────────┘
                """, TableRenderer.render(List.of(munich, tokyo)));
        String cut = TableRenderer.render(List.of(Map.of("text", "日本".repeat(40))));
        assertTrue(cut.contains("│ " + "日本".repeat(12) + "… │"), "49 columns hold 24 wide characters: " + cut);
        assertEquals(2, DisplayWidth.of("e\u0301é"), "a combining accent takes no column");
    }

    @Test
    void resultShapes() {
        Terminal plain = new Terminal(new io.mxcp.kernel.api.CommandStreams(null, System.out, System.err, false), Map.of());
        assertEquals("📋 Result: Hello\n", ResultRenderer.render("Hello", plain));
        assertEquals("📋 Result: 42\n", ResultRenderer.render(42, plain));
        assertEquals("📋 Result: []\n", ResultRenderer.render(List.of(), plain));
        assertEquals("a\nb\n", ResultRenderer.render(List.of("a", "b"), plain));
        assertEquals("📋 Result: line 1\n\tline 2 \\x1b[2J\\u202e\n",
                ResultRenderer.render("line 1\n\tline 2 \u001b[2J\u202e", plain),
                "a text result keeps its lines and tabs; controls show escaped");
        assertEquals("a\\x07\nb\n", ResultRenderer.render(List.of("a\u0007", "b"), plain));
        assertEquals("📋 Result:\n{\n  \"text\": \"こんにちは مرحبا \\u202e\\u001b\\u007f\"\n}\n",
                ResultRenderer.render(Map.of("text", "こんにちは مرحبا \u202e\u001b\u007f"), plain),
                "other scripts readable; what a terminal would act on escaped");
    }
}
