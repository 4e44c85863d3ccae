package io.mxcp.mcp.internal.arguments;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code bool} in lax mode: a boolean, 0/1, or one of pydantic's true/false words (any case). */
final class BooleanRule implements ValueRule {
    static final BooleanRule INSTANCE = new BooleanRule();

    private static final Set<String> TRUE = Set.of("1", "on", "t", "true", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "off", "f", "false", "n", "no");
    private static final String UNREADABLE = "Input should be a valid boolean, unable to interpret input";

    private BooleanRule() {
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (number == 0 || number == 1) {
                return number == 1;
            }
            violations.add(at, UNREADABLE);
            return null;
        }
        if (value.isTextual()) {
            String word = value.textValue().toLowerCase(Locale.ROOT);
            if (TRUE.contains(word)) {
                return Boolean.TRUE;
            }
            if (FALSE.contains(word)) {
                return Boolean.FALSE;
            }
            violations.add(at, UNREADABLE);
            return null;
        }
        violations.add(at, "Input should be a valid boolean");
        return null;
    }
}
