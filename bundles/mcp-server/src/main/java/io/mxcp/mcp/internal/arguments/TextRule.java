package io.mxcp.mcp.internal.arguments;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.core.api.PythonFloats;

/**
 * {@code str} with length and pattern constraints. A pattern is searched for anywhere in the text (pydantic does
 * not anchor it). A number or boolean is taken as its Python text ({@code 5} → {@code "5"}, {@code true} →
 * {@code "true"}), wherever the string is in the arguments: the leniency for language models of spec 04 §2, which
 * the original applies to every string of its argument model, nested ones included.
 */
final class TextRule implements ValueRule {
    private final Integer minLength;
    private final Integer maxLength;
    private final String patternText;
    private final Pattern pattern;

    TextRule(Integer minLength, Integer maxLength, String pattern) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.patternText = pattern;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        String text;
        if (value.isTextual()) {
            text = value.textValue();
        } else if (value.isFloatingPointNumber()) {
            text = PythonFloats.text(value.doubleValue());
        } else if (value.isNumber() || value.isBoolean()) {
            text = value.asText();
        } else {
            violations.add(at, "Input should be a valid string");
            return null;
        }
        if (minLength != null || maxLength != null) {
            int length = text.codePointCount(0, text.length());
            if (minLength != null && length < minLength) {
                violations.add(at, "String should have at least " + minLength + " character" + plural(minLength));
                return null;
            }
            if (maxLength != null && length > maxLength) {
                violations.add(at, "String should have at most " + maxLength + " character" + plural(maxLength));
                return null;
            }
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            violations.add(at, "String should match pattern '" + patternText + "'");
            return null;
        }
        return text;
    }

    static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
