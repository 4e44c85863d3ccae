package io.mxcp.mcp.internal.arguments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.core.model.ParameterDefinition;

/**
 * The MCP-layer argument check of one endpoint (spec 01 §3.9): each declared parameter present in the arguments
 * must fit the schema generated from its TypeDefinition, with pydantic's lax conversions and its error texts.
 * The accepted arguments come back converted as pydantic hands them on; the core's own conversion (§3.3) runs
 * after. Missing and unknown parameters are the core's business. A number or boolean given for a string
 * parameter becomes its text (spec 04 §2). Built once per endpoint when a server starts.
 *
 * <p>Tools also take a JSON text for a parameter that is not a string, as the original's MCP library does before
 * its check: language-model clients often send {@code "[1, 2]"} for an array or {@code "{...}"} for an object. A
 * text that parses to an array, an object or null replaces the argument; one that parses to a string, number or
 * boolean, or does not parse, is left to the rule as sent.
 */
public final class ArgumentCheck {
    private record Parameter(String name, ValueRule rule, boolean takesJsonText) {
    }

    private final String title;
    private final List<Parameter> parameters;
    private final Set<String> declared = new HashSet<>();

    private ArgumentCheck(String title, List<Parameter> parameters) {
        this.title = title;
        this.parameters = parameters;
        parameters.forEach(parameter -> declared.add(parameter.name()));
    }

    /** Tool parameters accept null, and a JSON text where the parameter is not a string. */
    public static ArgumentCheck forTool(String name, List<ParameterDefinition> parameters) {
        return of(name, parameters, true, true);
    }

    /** Prompt parameters accept null. */
    public static ArgumentCheck forPrompt(String name, List<ParameterDefinition> parameters) {
        return of(name, parameters, true, false);
    }

    /** Resource template parameters never accept null. */
    public static ArgumentCheck forResource(String name, List<ParameterDefinition> parameters) {
        return of(name, parameters, false, false);
    }

    /** Parameters in the generated signature's order: those without a default first. */
    private static ArgumentCheck of(String name, List<ParameterDefinition> declared, boolean nullable,
            boolean jsonText) {
        List<Parameter> parameters = new ArrayList<>(declared.size());
        for (boolean withDefault : new boolean[] {false, true}) {
            for (ParameterDefinition parameter : declared) {
                if (parameter.required() != withDefault) {
                    boolean text = parameter.type() != null && "string".equals(parameter.type().type());
                    parameters.add(new Parameter(parameter.name(), rule(parameter, nullable), jsonText && !text));
                }
            }
        }
        return new ArgumentCheck(name + "Arguments", List.copyOf(parameters));
    }

    /** The parameter's rule; one whose default is null takes null too, whatever the type. */
    private static ValueRule rule(ParameterDefinition parameter, boolean nullable) {
        ValueRule rule = Rules.of(parameter.type(), parameter.name(), nullable);
        boolean nullDefault = parameter.type() != null && parameter.type().hasNullDefault();
        return nullDefault && !(rule instanceof NullableRule) ? new NullableRule(rule) : rule;
    }

    /** The arguments for the core: declared ones checked and converted, unknown ones passed on as they are. */
    public Map<String, Object> apply(ObjectNode arguments) throws InvalidArgumentsException {
        Map<String, Object> result = new LinkedHashMap<>();
        Violations violations = new Violations();
        for (Parameter parameter : parameters) {
            JsonNode value = arguments.get(parameter.name());
            if (value != null && value.isTextual() && parameter.takesJsonText()) {
                value = JsonText.structure(value);
            }
            if (value != null) {
                result.put(parameter.name(), parameter.rule().apply(value, Location.of(parameter.name()), violations));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!declared.contains(field.getKey())) {
                result.put(field.getKey(), JsonValues.plain(field.getValue()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentsException(violations.describe(title));
        }
        return result;
    }
}
