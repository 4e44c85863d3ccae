package io.mxcp.mcp.internal.arguments;

import com.fasterxml.jackson.databind.JsonNode;

/** A value of no declared type ({@code Any}): taken as it is. */
final class AnyRule implements ValueRule {
    static final AnyRule INSTANCE = new AnyRule();

    private AnyRule() {
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        return JsonValues.plain(value);
    }
}
