package io.mxcp.mcp.internal.arguments;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code float} in lax mode: a number, a boolean or a numeric string, handed on as a Double. */
final class NumberRule implements ValueRule {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private final NumberBounds bounds;

    NumberRule(NumberBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isBoolean()) {
            number = value.booleanValue() ? 1 : 0;
        } else if (value.isTextual()) {
            Double parsed = parse(value.textValue().strip());
            if (parsed == null) {
                violations.add(at, "Input should be a valid number, unable to parse string as a number");
                return null;
            }
            number = parsed;
        } else {
            violations.add(at, "Input should be a valid number");
            return null;
        }
        return bounds.check(number, at, violations);
    }

    private static Double parse(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (SPECIAL.matcher(text).matches()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }
}
