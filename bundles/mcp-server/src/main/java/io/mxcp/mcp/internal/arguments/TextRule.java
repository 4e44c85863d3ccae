package io.mxcp.mcp.internal.arguments;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code str} with length and pattern constraints. A pattern is searched for anywhere in the text (pydantic does
 * not anchor it). With {@code numbersAsText} (top-level string parameters, spec 04 §2) a number or boolean is
 * taken as its text.
 */
final class TextRule implements ValueRule {
    private final Integer minLength;
    private final Integer maxLength;
    private final String patternText;
    private final Pattern pattern;
    private final boolean numbersAsText;

    TextRule(Integer minLength, Integer maxLength, String pattern, boolean numbersAsText) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.patternText = pattern;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
        this.numbersAsText = numbersAsText;
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        String text;
        if (value.isTextual()) {
            text = value.textValue();
        } else if (numbersAsText && (value.isNumber() || value.isBoolean())) {
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
