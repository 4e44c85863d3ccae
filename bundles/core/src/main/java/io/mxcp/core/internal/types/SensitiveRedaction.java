package io.mxcp.core.internal.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.mxcp.core.model.ParameterDefinition;
import io.mxcp.core.model.TypeDefinition;

/**
 * Replaces every value whose declared type is {@code sensitive} with its mask — in the audit log its keyed HMAC or
 * {@code [REDACTED]} (spec 03 §3, ours: the original writes them as they are) — walking object properties and array
 * items. Unlike the {@code filter_sensitive_fields} policy it keeps the shape: a reader still sees that the value was
 * there.
 */
public final class SensitiveRedaction {

    public static final String REDACTED = "[REDACTED]";

    private SensitiveRedaction() {
    }

    /** The arguments with sensitive parameters (and sensitive parts of object or array parameters) masked. */
    public static Map<String, Object> arguments(Map<String, Object> arguments, List<ParameterDefinition> parameters,
            Function<Object, String> mask) {
        Map<String, Object> redacted = new LinkedHashMap<>(arguments);
        for (ParameterDefinition parameter : parameters) {
            if (redacted.containsKey(parameter.name())) {
                redacted.put(parameter.name(), value(redacted.get(parameter.name()), parameter.type(), mask));
            }
        }
        return redacted;
    }

    /** The value with the parts its type marks sensitive masked; untyped parts stay as they are. */
    public static Object value(Object value, TypeDefinition type, Function<Object, String> mask) {
        if (type == null || value == null) {
            return value;
        }
        if (type.sensitive()) {
            return mask.apply(value);
        }
        if (value instanceof Map<?, ?> map && type.properties() != null) {
            Map<String, Object> redacted = new LinkedHashMap<>();
            map.forEach((key, item) -> redacted.put(String.valueOf(key),
                    value(item, type.properties().get(String.valueOf(key)), mask)));
            return redacted;
        }
        if (value instanceof List<?> list && type.items() != null) {
            List<Object> redacted = new ArrayList<>(list.size());
            list.forEach(item -> redacted.add(value(item, type.items(), mask)));
            return redacted;
        }
        return value;
    }
}
