package io.mxcp.core.internal.types;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mxcp.core.model.ParameterDefinition;

/**
 * The arguments as input policies see them: raw, before conversion (spec 03 §2), except that a string given for a
 * parameter declared {@code integer}, {@code number}, {@code boolean}, {@code array} or {@code object} is seen as the
 * JSON value it spells when that value has the declared type — what an MCP client sends for it, and what the MCP
 * layer's check hands on. {@code mxcp run --param id=3} then meets the rule {@code id == 3} as a client's call does;
 * compared as the text {@code "3"} (the original's command line), a deny rule on a non-string parameter never holds
 * there, and an author trying a rule with {@code mxcp run} would see it let calls through. What the endpoint receives
 * is converted as before.
 */
public final class PolicyArguments {

    private PolicyArguments() {
    }

    /** The arguments (their defaults added) as input policies see them. */
    public static Map<String, Object> of(List<ParameterDefinition> parameters, Map<String, Object> arguments) {
        Map<String, Object> seen = new LinkedHashMap<>(arguments);
        for (ParameterDefinition parameter : parameters) {
            if (seen.get(parameter.name()) instanceof String text) {
                seen.put(parameter.name(), asDeclared(text, parameter.type().type()));
            }
        }
        return seen;
    }

    /** The JSON value the text spells when it is of the declared type, else the text. */
    private static Object asDeclared(String text, String type) {
        if (type == null || type.equals("string")) {
            return text;
        }
        Object value;
        try {
            value = JsonText.parse(text.strip());
        } catch (JsonProcessingException e) {
            return text;
        }
        return switch (type) {
            case "integer" -> wholeNumber(value) ? value : text;
            case "number" -> value instanceof Number ? value : text;
            case "boolean" -> value instanceof Boolean ? value : text;
            case "array" -> value instanceof List<?> ? value : text;
            case "object" -> value instanceof Map<?, ?> ? value : text;
            default -> text;
        };
    }

    private static boolean wholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Double number && Double.isFinite(number) && number == Math.rint(number);
    }
}
