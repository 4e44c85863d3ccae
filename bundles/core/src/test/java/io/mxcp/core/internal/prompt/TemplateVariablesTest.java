package io.mxcp.core.internal.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case's expectation is what Jinja2 3.1 answers: {@code meta.find_undeclared_variables(env.parse(t))} or the first
 * line of its error.
 */
class TemplateVariablesTest {

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("Hi {{ who ", "error", "unexpected end of template, expected 'end of print statement'."),
                Arguments.of("{{ }}", "error", "Expected an expression, got 'end of print statement'"),
                Arguments.of("{% if x %}never closed", "error", "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
                Arguments.of("{% if x %}a{% endfor %}", "error", "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
                Arguments.of("{% endif %}", "error", "Encountered unknown tag 'endif'."),
                Arguments.of("{% foo %}", "error", "Encountered unknown tag 'foo'."),
                Arguments.of("a {# c", "error", "Missing end of comment tag"),
                Arguments.of("{% if x %", "error", "unexpected 'end of template'"),
                Arguments.of("{% for a in b %}{% else %}{% endfor %}", "ok", "b"),
                Arguments.of("{% raw %}{{ name }}{% endraw %}", "ok", ""),
                Arguments.of("{% raw %}unclosed", "error", "Missing end of raw directive"),
                Arguments.of("{% with greeting = 'hi' %}{{ greeting }}{% endwith %}", "ok", ""),
                Arguments.of("{% macro shout(t) %}{{ t|upper }}{{ caller() if caller }}{% endmacro %}{{ shout('x') }}", "ok", ""),
                Arguments.of("{{ self }}", "ok", ""),
                Arguments.of("{% for x in y %}{% endfor %}{{ x }}", "ok", "x, y"),
                Arguments.of("{% set x = 1 %}{{ x }}", "ok", ""),
                Arguments.of("{% set b %}hello {{ n }}{% endset %}{{ b }}", "ok", "n"),
                Arguments.of("{% filter upper %}{{ q }}{% endfilter %}", "ok", "q"),
                Arguments.of("{% call shout() %}{{ z }}{% endcall %}", "ok", "shout, z"),
                Arguments.of("{% for k, v in d.items() %}{{ k }}{{ loop.index }}{% endfor %}", "ok", "d"),
                Arguments.of("{{ x | default(y) }}", "ok", "x, y"),
                Arguments.of("{{ größe|upper }} {{ 名前 }} {{ _ü2 }} {{ a٣ }}", "ok", "_ü2, a٣, größe, 名前"),
                Arguments.of("{{ f(k=v) }}", "ok", "f, v"),
                Arguments.of("{% if a is defined %}{% endif %}", "ok", "a"),
                Arguments.of("{% if x %}{% foo %}{% endif %}", "error", "Encountered unknown tag 'foo'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
                Arguments.of("{% for x in y %}{% endif %}", "error", "Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'."),
                Arguments.of("{% for x in y %}{% else %}{% endif %}", "error", "Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor'. The innermost block that needs to be closed is 'for'."),
                Arguments.of("{% with a=1 %}", "error", "Unexpected end of template. Jinja was looking for the following tags: 'endwith'. The innermost block that needs to be closed is 'with'."),
                Arguments.of("{% for x in y if x > z %}{{ x }}{% endfor %}", "ok", "y, z"),
                Arguments.of("{% for x in y %}{% set t = x %}{% endfor %}{{ t }}", "ok", "t, y"),
                Arguments.of("{% if a %}{% set t = 1 %}{% endif %}{{ t }}", "ok", "a, t"),
                Arguments.of("{% import 'f' as h %}{{ h.x }}", "ok", ""),
                Arguments.of("{% do x %}", "error", "Encountered unknown tag 'do'."),
                Arguments.of("{{ caller }}", "ok", "caller"),
                Arguments.of("{{ loop }}", "ok", "loop"),
                Arguments.of("{% with a = b %}{% set c = a %}{% endwith %}{{ c }}", "ok", "b, c"),
                Arguments.of("{{ '}}' ~ a }}", "ok", "a"),
                Arguments.of("{%- if a -%}x{%- endif -%}", "ok", "a"),
                Arguments.of("{{ user.name }} {{ items | join(sep) }} {% if extra is defined %}{{ x }}{% endif %}", "ok", "extra, items, sep, user, x"),
                Arguments.of("{% for x in xs %}{{ lim }}{% else %}{{ x }}{% endfor %}", "ok", "lim, x, xs"),
                Arguments.of("{% for x in xs %}{% else %}{{ loop }}{% endfor %}", "ok", "loop, xs"),
                Arguments.of("{% if a %}{% set t = 1 %}{% elif b %}{{ t }}{% endif %}", "ok", "a, b, t"),
                Arguments.of("{% if (a %}x{% endif %}", "error", "unexpected '}', expected ')'"),
                Arguments.of("{% if a) %}x{% endif %}", "error", "unexpected ')'"),
                Arguments.of("{{ a + }}", "error", "unexpected 'end of print statement'"),
                Arguments.of("{% if a + %}x{% endif %}", "error", "unexpected 'end of statement block'"),
                Arguments.of("{% if a and %}x{% endif %}", "error", "unexpected 'end of statement block'"),
                Arguments.of("{{ a | }}", "error", "expected token 'name', got 'end of print statement'"),
                Arguments.of("{% set x = a | %}", "error", "expected token 'name', got 'end of statement block'"),
                Arguments.of("{{ [1, 2 }}", "error", "unexpected '}', expected ']'"),
                Arguments.of("{{ {1: 2 }}", "error", "unexpected '}'"),
                Arguments.of("{% if a %}{% elif %}{% endif %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{% with a = %}{% endwith %}", "error", "unexpected 'end of statement block'"),
                Arguments.of("{{ a ~ }}", "error", "unexpected 'end of print statement'"),
                Arguments.of("{{ a is }}", "error", "expected token 'name', got 'end of print statement'"),
                Arguments.of("{{ a[ }}", "error", "unexpected '}', expected ']'"),
                Arguments.of("{% for x in y if %}{% endfor %}", "error", "unexpected 'end of statement block'"),
                Arguments.of("{{ a.b. }}", "error", "expected name or number"),
                Arguments.of("{{ - }}", "error", "unexpected 'end of print statement'"),
                Arguments.of("{{ -a }}", "ok", "a"),
                Arguments.of("{% if %}x{% endif %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{{ 1 ) }}", "error", "unexpected ')'"),
                Arguments.of("{% for x in %}{% endfor %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{% set x = %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{{ {'a': {'b': c}} }}", "ok", "c"),
                Arguments.of("{{ (1, ) }}", "ok", ""),
                Arguments.of("{{ x[1:] }}", "ok", "x"),
                Arguments.of("{{ a is divisibleby 3 }}", "ok", "a"),
                Arguments.of("{{ 'a' 'b' }}", "ok", ""),
                Arguments.of("{% set d = {'k': [v]} %}{{ d.k }}", "ok", "v"),
                Arguments.of("{{ f(a=b, c=[d]) }}", "ok", "b, d, f"),
                Arguments.of("{% for %}{% endfor %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{{ x | nonexistentfilter }}", "error", "No filter named 'nonexistentfilter'."),
                Arguments.of("{% set %}", "error", "Expected an expression, got 'end of statement block'"),
                Arguments.of("{{ 1 if }}", "error", "unexpected 'end of print statement'"),
                Arguments.of("{% filter nosuch %}a{% endfilter %}", "error", "No filter named 'nosuch'."),
                Arguments.of("{{ x|default(1)|upper }}", "ok", "x"),
                Arguments.of("{{ x | d }}", "ok", "x"),
                Arguments.of("{{ a|map(attribute='n')|join(', ') }}", "ok", "a"),
                Arguments.of("{% from \"f\" import a with context %}{{ a }}", "ok", ""),
                Arguments.of("{% from \"f\" import a as b %}{{ b }}{{ a }}", "ok", "a"),
                Arguments.of("{{ n n }}", "error", "expected token 'end of print statement', got 'n'"),
                Arguments.of("{% if a 2 %}x{% endif %}", "error", "expected token 'end of statement block', got 'integer'"),
                Arguments.of("{{ [1 2.5] }}", "error", "expected token ',', got 'float'"),
                Arguments.of("{{ f(a 'b') }}", "error", "expected token ',', got 'string'"),
                Arguments.of("{{ (a b) }}", "error", "expected token ')', got 'b'"),
                Arguments.of("{{ (a, b c) }}", "error", "expected token ')', got 'c'"),
                Arguments.of("{{ x[a b] }}", "error", "expected token ',', got 'b'"),
                Arguments.of("{{ {'k': v w} }}", "error", "expected token ',', got 'w'"),
                Arguments.of("{{ a|upper b }}", "error", "expected token 'end of print statement', got 'b'"),
                Arguments.of("{{ f(x)(y) }} {{ x[0][1] }} {{ a is not sameas none }} {{ a if b }}", "ok", "a, b, f, x, y"),
                Arguments.of("{% for x in y recursive %}{% endfor %}", "ok", "y"),
                Arguments.of("{% if a %}x{% else if %}{% endif %}", "error", "expected token 'end of statement block', got 'if'"),
                Arguments.of("{% if a %}x{% endif a %}", "error", "expected token 'end of statement block', got 'a'"),
                Arguments.of("{{ true false }}", "error", "expected token 'end of print statement', got 'false'"),
                Arguments.of("{{ -a b }} {{ a.b c }}", "error", "expected token 'end of print statement', got 'b'"),
                Arguments.of("{{ [1,,2] }}", "error", "unexpected ','"),
                Arguments.of("{{ f(,) }}", "error", "unexpected ','"),
                Arguments.of("{{ f(a=,) }}", "error", "unexpected ','"),
                Arguments.of("{{ {,} }}", "error", "unexpected ','"),
                Arguments.of("{{ f(a,) }} {{ [1,] }} {{ {'a': 1,} }} {{ b, c }}", "ok", "a, b, c, f"),
                Arguments.of("{% block b %}{% endblock b %}", "ok", ""),
                Arguments.of("{% for in n %}{% endfor %}", "error", "expected token 'in', got 'n'"),
                // numbers in exponent form are numbers, not a number followed by a name
                Arguments.of("{{ 1e6 }} {{ 2.5e-3 * x }} {{ 1E3 }} {{ 4e+2 }}", "ok", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void undeclaredVariablesAndSyntaxErrorsAreJinja2s(String template, String outcome, String expected) {
        String actual;
        try {
            actual = "ok: " + String.join(", ", TemplateVariables.undeclared(template));
        } catch (TemplateSyntaxException e) {
            actual = "error: " + e.getMessage();
        }
        assertEquals(outcome + ": " + expected, actual);
    }
}
