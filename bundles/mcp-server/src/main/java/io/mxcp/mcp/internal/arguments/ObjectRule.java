package io.mxcp.mcp.internal.arguments;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An object: a generated model when properties are declared ({@code modelName} set), else {@code dict[str, Any]}.
 * Declared properties are checked in declaration order, a missing required one is reported, and unknown keys are
 * rejected under {@code additionalProperties: false} and passed on otherwise.
 */
record ObjectRule(String modelName, List<Property> properties, boolean extrasForbidden) implements ValueRule {

    record Property(String name, ValueRule rule, boolean required) {
    }

    @Override
    public Object apply(JsonNode value, Location at, Violations violations) {
        if (!value.isObject()) {
            violations.add(at, modelName == null ? "Input should be a valid dictionary"
                    : "Input should be a valid dictionary or instance of " + modelName);
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Property property : properties) {
            JsonNode given = value.get(property.name());
            if (given != null) {
                result.put(property.name(), property.rule().apply(given, at.child(property.name()), violations));
            } else if (property.required()) {
                violations.add(at.child(property.name()), "Field required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!isDeclared(field.getKey())) {
                if (extrasForbidden) {
                    violations.add(at.child(field.getKey()), "Extra inputs are not permitted");
                } else {
                    result.put(field.getKey(), JsonValues.plain(field.getValue()));
                }
            }
        }
        return result;
    }

    private boolean isDeclared(String key) {
        for (Property property : properties) {
            if (property.name().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
