package io.mxcp.mcp.internal.arguments;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code X | None}: null passes, anything else goes to the rule for X. */
record NullableRule(ValueRule inner) implements ValueRule {

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        return value.isNull() ? null : inner.apply(value, at, violations);
    }
}
