package io.mxcp.core.internal.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PromptRendererTest {

    private static String render(String template, Object... keyValues) throws PromptRenderException {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        return PromptRenderer.render(template, variables);
    }

    @Test
    void valuesPrintLikePythonStr() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", true);
        assertEquals("True False 1.0 5 ['a', 1] {'a': 1, 'b': True} 2024-01-02 2024-01-15 10:30:00+00:00",
                render("{{ t }} {{ f }} {{ x }} {{ i }} {{ l }} {{ m }} {{ d }} {{ dt }}", "t", true, "f", false,
                        "x", 1.0, "i", 5L, "l", List.of("a", 1L), "m", map, "d", LocalDate.of(2024, 1, 2),
                        "dt", OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void aMinusIsNegationUnlessItTouchesTheDelimiter() throws Exception {
        assertEquals("-1|-4.0|7|-4|-2.5", render("{{ -1 }}|{{ -delta }}|{{ - x }}|{{ -7 // 2 }}|{{ -2.5 }}",
                "delta", 4.0, "x", -7L));
        assertEquals("Items:\n  - a\n  - b\nTotal:2", render("Items:\n{%- for i in items %}\n  - {{ i -}}\n"
                + "{% endfor %}\nTotal: {{- items | length }}", "items", List.of("a", "b")));
        assertEquals("1X|A1|X", render("{{ 1 -}}\n X|A  {{- 1 }}|{#- c -#}\nX"));
    }

    @Test
    void sortTakesNamedArgumentsAndMaxMinItemsAreJinja2s() throws Exception {
        List<Map<String, Object>> rows = List.of(Map.of("name", "b", "score", 2L), Map.of("name", "a", "score", 9L),
                Map.of("name", "c", "score", 5L));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("b", 2L);
        d.put("a", 1L);
        assertEquals("bca|acb|a|b", render("{{ rows | sort(attribute='score') | map(attribute='name') | join }}|"
                + "{{ rows | sort(attribute='score', reverse=true) | map(attribute='name') | join }}|"
                + "{{ (rows | max(attribute='score')).name }}|{{ (rows | min(attribute='score')).name }}", "rows", rows));
        assertEquals("3|1|B|a|2.5|", render("{{ [3, 1, 2] | max }}|{{ [3, 1, 2] | min }}|{{ ['a', 'B'] | max }}|"
                + "{{ ['a', 'B'] | max(case_sensitive=true) }}|{{ [1, 2.5] | max }}|{{ [] | max }}"));
        assertEquals("b=2;a=1;|[['b', 2], ['a', 1]]|b", render("{% for k, v in d | items %}{{ k }}={{ v }};{% endfor %}|"
                + "{{ d | items | list }}|{{ d | max }}", "d", d));
        PromptRenderException unknown = assertThrows(PromptRenderException.class,
                () -> render("{{ [1] | sort(atribute='x') }}"));
        assertTrue(unknown.getMessage().contains("sort() got an unexpected keyword argument 'atribute'"),
                unknown::getMessage);
    }

    @Test
    void sumIsJinja2sAndStringsIndexAsPythons() throws Exception {
        List<Map<String, Object>> rows = List.of(Map.of("price", 2), Map.of("price", 3));
        assertEquals("6|16|5|15|0.30000000000000004|0", render("{{ xs | sum }}|{{ xs | sum(start=10) }}|"
                + "{{ rows | sum('price') }}|{{ rows | sum(attribute='price', start=10) }}|{{ [0.1, 0.2] | sum }}|"
                + "{{ [] | sum }}", "xs", List.of(1, 2, 3), "rows", rows));
        assertEquals("a|n|日|", render("{{ name[0] }}|{{ name[-1] }}|{{ 'x日'[1] }}|{{ name[9] }}", "name", "ann"));
    }

    @Test
    void aMacroMayCallItselfAndEndlessRecursionFails() throws Exception {
        String countdown = "{% macro r(n) %}{% if n > 0 %}{{ n }}{{ r(n - 1) }}{% endif %}{% endmacro %}";
        assertEquals("321", render(countdown + "{{ r(3) }}"));
        StringBuilder sixtyDown = new StringBuilder();
        for (int n = 60; n > 0; n--) {
            sixtyDown.append(n);
        }
        assertEquals(sixtyDown.toString(), render(countdown + "{{ r(60) }}"), "sixty levels deep");
        PromptRenderException endless = assertThrows(PromptRenderException.class,
                () -> render("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"));
        assertTrue(endless.getMessage().startsWith("maximum recursion depth exceeded"), endless.getMessage());
    }

    @Test
    void stringsHavePythonsMethods() throws Exception {
        assertEquals("REPORT|report|Hello World|Hello world|x|xy|True|False|True|['a', 'b', '']|['a', 'b c']|a-b|"
                + "1 x 2|a{b}|3|2|-1|007|-07|  ab  |ab..|..ab|hi|['l1', 'l2']|True|False",
                render("{{ t.upper() }}|{{ t.lower() }}|{{ 'hello wORLD'.title() }}|{{ 'hello World'.capitalize() }}|"
                        + "{{ '  x '.strip() }}|{{ '--xy--'.strip('-') }}|{{ t.startswith('Rep') }}|"
                        + "{{ t.endswith(('x', 'y')) }}|{{ t.startswith(('x', 'Re')) }}|{{ 'a,b,'.split(',') }}|"
                        + "{{ ' a  b c '.split(none, 1) }}|{{ '-'.join(['a', 'b']) }}|{{ '{} x {}'.format(1, 2) }}|"
                        + "{{ 'a{{{0}}}'.format('b') }}|{{ 'banana'.count('a') }}|{{ 'banana'.find('n') }}|"
                        + "{{ 'banana'.find('z') }}|{{ '7'.zfill(3) }}|{{ '-7'.zfill(3) }}|{{ 'ab'.center(6) }}|"
                        + "{{ 'ab'.ljust(4, '.') }}|{{ 'ab'.rjust(4, '.') }}|{{ 'hi'.replace('x', 'y') }}|"
                        + "{{ 'l1\nl2\n'.splitlines() }}|{{ '42'.isdigit() }}|{{ 'Ab'.isupper() }}", "t", "Report"));
        PromptRenderException notStrings = assertThrows(PromptRenderException.class,
                () -> render("{{ ','.join([1, 2]) }}"));
        assertTrue(notStrings.getMessage().contains("sequence item 0: expected str instance, int found"),
                notStrings::getMessage);
        PromptRenderException spec = assertThrows(PromptRenderException.class,
                () -> render("{{ '{:.2f}'.format(3.14159) }}"));
        assertTrue(spec.getMessage().contains("format fields with names or format specs are not supported here: {:.2f}"),
                spec::getMessage);
        PromptRenderException mixed = assertThrows(PromptRenderException.class, () -> render("{{ [1, 'a'] | max }}"));
        assertTrue(mixed.getMessage().contains("'>' not supported between instances of 'str' and 'int'"),
                mixed::getMessage);
    }

    @Test
    void withHoldsItsValuesInItsOwnScope() throws Exception {
        assertEquals("hi Ann!||True", render("{% with greeting = 'hi', who = name ~ '!' %}{{ greeting }} {{ who }}"
                + "{% endwith %}|{{ greeting }}|{% with a = 1 == 1 %}{{ a }}{% endwith %}", "name", "Ann"));
        assertEquals("x,y|[1, 2]", render("{% with a = 'x,y', b = [1, 2] %}{{ a }}|{{ b }}{% endwith %}"));
    }

    @Test
    void forLoopsHaveJinja2sElseAndFilter() throws Exception {
        assertEquals("[a][b]|EMPTY", render("{% for i in xs %}[{{ i }}]{% else %}EMPTY{% endfor %}|"
                + "{% for i in ys %}[{{ i }}]{% else %}EMPTY{% endfor %}", "xs", List.of("a", "b"), "ys", List.of()));
        assertEquals("1b2c.", render("{% for i in xs if i != 'a' %}{{ loop.index }}{{ i }}{% if loop.last %}.{% endif %}"
                + "{% endfor %}", "xs", List.of("a", "b", "c")));
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("a", 1L);
        pairs.put("b", 2L);
        assertEquals("a=1;b=2;", render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "d", pairs));
        assertEquals("12|3|", render("{% for x in xs %}{% for y in x %}{{ y }}{% endfor %}|{% endfor %}",
                "xs", List.of(List.of(1L, 2L), List.of(3L))));
        assertEquals("<x><y><z>|[a][b][c]|[日][本]|a-b;", render("{% for c in 'xyz' %}<{{ c }}>{% endfor %}|"
                + "{% for c in name %}[{{ c }}]{% endfor %}|{% for c in land %}[{{ c }}]{% endfor %}|"
                + "{% for a, b in pairs %}{{ a }}-{{ b }};{% endfor %}", "name", "abc", "land", "日本",
                "pairs", List.of("ab")));
        assertEquals("0True21False2", render("{% for i in xs %}{{ loop.index0 }}{{ loop.first }}{{ loop.length }}"
                + "{% endfor %}", "xs", List.of("a", "b")));
    }

    @Test
    void theFilterTagFiltersItsBody() throws Exception {
        assertEquals("HI ANN", render("{% filter upper %}hi {{ n }}{% endfilter %}", "n", "ann"));
        assertEquals("BONONO", render("{% filter replace('a', 'o')|upper %}banana{% endfilter %}"));
    }

    @Test
    void aTemplateJinja2WouldNotParseIsNotRendered() {
        assertEquals("unexpected end of template, expected 'end of print statement'.",
                assertThrows(PromptRenderException.class, () -> render("Hi {{ who ", "who", "Ann")).getMessage());
    }

    @Test
    void undefinedIsEmptyButNoneIsNone() throws Exception {
        assertEquals("[] [] None [None] no yes dflt", render(
                "[{{ missing }}] [{{ missing.attr }}] {{ n }} {{ l }} {% if n %}yes{% else %}no{% endif %} "
                        + "{% if n is none %}yes{% endif %} {{ missing | default('dflt') }}",
                "n", null, "l", Arrays.asList((Object) null)));
    }

    @Test
    void noAutoescapeAndOneTrailingNewlineRemoved() throws Exception {
        assertEquals("<b>&</b>\n", render("{{ html }}\n\n", "html", "<b>&</b>"));
        assertEquals("x", render("x\n"));
    }

    @Test
    void variableValuesAreNotRenderedAgain() throws Exception {
        assertEquals("{{ secret }}", render("{{ v }}", "v", "{{ secret }}", "secret", "leak"));
    }

    @Test
    void filtersAndStatementsUsedInPractice() throws Exception {
        assertEquals("A, B|AB|ab|Hello World|x|2|a|b|a-b|[1, 2, 3]|v|[a][b]", render(
                "{{ l | join(', ') | upper }}|{{ 'ab' | upper }}|{{ 'AB' | lower }}|{{ 'hello world' | title }}|"
                        + "{{ '  x ' | trim }}|{{ l | length }}|{{ l | first }}|{{ l | last }}|{{ 'a_b' | replace('_', '-') }}|"
                        + "{{ [3, 1, 2] | sort }}|{% set cfg = {'k': 'v'} %}{{ cfg.k }}|{% for x in l %}[{{ x }}]{% endfor %}",
                "l", List.of("a", "b")));
    }

    @Test
    void brokenTemplatesFail() {
        assertThrows(PromptRenderException.class, () -> render("{% if x %}never closed"));
    }
}
