package io.mxcp.mcp.internal.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.TypeDefinition;

/**
 * Builds the rule for a declared type the way the original derives its pydantic annotation: scalars are
 * {@code X | None} when the endpoint allows null (tools, prompts), arrays and objects never are; an optional
 * object property is always nullable; a string with an all-string enum carries no constraints; object models are
 * named after the parameter, nested ones after their path ({@code userAddress}, {@code tagsItem}).
 */
final class Rules {
    private Rules() {
    }

    static ValueRule of(TypeDefinition type, String modelName, boolean nullable) {
        if (type == null || type.type() == null) {
            return AnyRule.INSTANCE;
        }
        return switch (type.type()) {
            case "string" -> nullable(text(type), nullable);
            case "integer" -> nullable(new IntegerRule(NumberBounds.of(type)), nullable);
            case "number" -> nullable(new NumberRule(NumberBounds.of(type)), nullable);
            case "boolean" -> nullable(BooleanRule.INSTANCE, nullable);
            case "array" -> new ListRule(type.items() == null ? AnyRule.INSTANCE
                    : of(type.items(), modelName + "Item", nullable), type.minItems(), type.maxItems());
            case "object" -> object(type, modelName, nullable);
            default -> AnyRule.INSTANCE;
        };
    }

    private static ValueRule nullable(ValueRule rule, boolean nullable) {
        return nullable ? new NullableRule(rule) : rule;
    }

    private static TextRule text(TypeDefinition type) {
        List<Object> choices = type.enumValues();
        if (choices != null && choices.stream().allMatch(String.class::isInstance)) {
            return new TextRule(null, null, null);
        }
        return new TextRule(type.minLength(), type.maxLength(), type.pattern());
    }

    private static ObjectRule object(TypeDefinition type, String modelName, boolean nullable) {
        boolean extrasForbidden = Boolean.FALSE.equals(type.additionalProperties());
        Map<String, TypeDefinition> declared = type.properties();
        if (declared == null || declared.isEmpty()) {
            return new ObjectRule(null, List.of(), extrasForbidden);
        }
        List<String> required = type.required() == null ? List.of() : type.required();
        List<ObjectRule.Property> properties = new ArrayList<>(declared.size());
        for (Map.Entry<String, TypeDefinition> entry : declared.entrySet()) {
            String name = entry.getKey();
            ValueRule rule = of(entry.getValue(), modelName + className(name), nullable);
            boolean isRequired = required.contains(name);
            if (!isRequired && !(rule instanceof NullableRule)) {
                rule = new NullableRule(rule);
            }
            properties.add(new ObjectRule.Property(name, rule, isRequired));
        }
        return new ObjectRule(className(modelName), List.copyOf(properties), extrasForbidden);
    }

    /**
     * The original's model class name: non-identifier characters become underscores, a leading digit gets one,
     * then Python's {@code str.title()} (each letter run starts upper case, the rest lower) without underscores.
     */
    static String className(String name) {
        String identifier = name.replaceAll("[^a-zA-Z0-9_]", "_");
        if (!identifier.isEmpty() && Character.isDigit(identifier.charAt(0))) {
            identifier = "_" + identifier;
        }
        StringBuilder title = new StringBuilder(identifier.length());
        boolean afterLetter = false;
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean letter = Character.isLetter(c);
            if (c != '_') {
                title.append(letter ? (afterLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            }
            afterLetter = letter;
        }
        return title.toString();
    }
}
