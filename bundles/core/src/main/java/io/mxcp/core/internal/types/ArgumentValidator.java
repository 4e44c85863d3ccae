package io.mxcp.core.internal.types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.ParameterDefinition;

/** Validates and converts a call's arguments against the declared parameters (spec 01 §3.2, §3.3). */
public final class ArgumentValidator {

    private ArgumentValidator() {
    }

    /** The converted arguments; with no declared parameters the raw map is returned unchanged. */
    public static Map<String, Object> validate(List<ParameterDefinition> parameters, Map<String, Object> arguments)
            throws InvalidArgumentException {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        if (parameters == null || parameters.isEmpty()) {
            return new LinkedHashMap<>(given);
        }
        Map<String, Object> params = new LinkedHashMap<>(given);
        Map<String, ParameterDefinition> declared = new LinkedHashMap<>();
        for (ParameterDefinition parameter : parameters) {
            declared.put(parameter.name(), parameter);
            if (!params.containsKey(parameter.name()) && parameter.type().hasDefault()) {
                params.put(parameter.name(), parameter.type().defaultValue());
            }
        }
        for (ParameterDefinition parameter : parameters) {
            if (!params.containsKey(parameter.name())) {
                throw new InvalidArgumentException("Required parameter missing: " + parameter.name());
            }
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : params.entrySet()) {
            String name = entry.getKey();
            ParameterDefinition parameter = declared.get(name);
            if (parameter == null) {
                throw new InvalidArgumentException("Unknown parameter: " + name);
            }
            List<Object> allowed = parameter.type().enumValues();
            if (allowed != null && !PythonEquality.contains(allowed, entry.getValue())) {
                throw new InvalidArgumentException("Invalid value for " + name + ". Must be one of: "
                        + PythonText.repr(allowed));
            }
            try {
                converted.put(name, InputConverter.convert(entry.getValue(), parameter.type()));
            } catch (ConversionException e) {
                throw new InvalidArgumentException(e.prefixed()
                        ? "Error validating parameter '" + name + "': " + e.getMessage() : e.getMessage());
            }
        }
        return converted;
    }
}
