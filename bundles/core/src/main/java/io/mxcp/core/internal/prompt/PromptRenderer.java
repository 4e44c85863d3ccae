package io.mxcp.core.internal.prompt;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.core.internal.types.PythonText;

/**
 * Renders prompt message templates for the subset of Jinja2 this issue covers: {@code {{ name }}} and
 * {@code {{ name.attr }}} substitution, values printed with Python's {@code str()}, undefined values as
 * the empty string, and one trailing newline of the template removed (Jinja2's default). Other Jinja
 * constructs are left in the text as written.
 */
public final class PromptRenderer {

    private static final Pattern SUBSTITUTION = Pattern.compile(
            "\\{\\{-?\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*-?}}");

    private static final Object UNDEFINED = new Object();

    private PromptRenderer() {
    }

    public static String render(String template, Map<String, Object> variables) {
        String text = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
        Matcher m = SUBSTITUTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = lookup(m.group(1), variables);
            m.appendReplacement(out, Matcher.quoteReplacement(value == UNDEFINED ? "" : PythonText.str(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object lookup(String path, Map<String, Object> variables) {
        String[] parts = path.split("\\.");
        if (!variables.containsKey(parts[0])) {
            return UNDEFINED;
        }
        Object value = variables.get(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(parts[i])) {
                return UNDEFINED;
            }
            value = map.get(parts[i]);
        }
        return value;
    }
}
