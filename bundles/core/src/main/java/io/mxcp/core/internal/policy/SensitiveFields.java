package io.mxcp.core.internal.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.TypeDefinition;

/**
 * {@code filter_sensitive_fields} (spec 03 §2.4): removes every value whose declared type is {@code sensitive}, walking
 * object properties and array items of the endpoint's {@code return} type. Undeclared keys stay unless the object
 * forbids additional properties. Only those values go: a null the data holds stays (spec 03 §2.4's reference drops
 * it too, which loses a NULL column and breaks the {@code required} of the tool's published output schema).
 */
final class SensitiveFields {

    /** Marks a value taken out, as opposed to a null that stays. */
    private static final Object REMOVED = new Object();

    private SensitiveFields() {
    }

    /** The value without its sensitive parts; null for a sensitive root. */
    static Object filter(Object value, TypeDefinition type) {
        Object filtered = kept(value, type);
        return filtered == REMOVED ? null : filtered;
    }

    private static Object kept(Object value, TypeDefinition type) {
        if (type == null) {
            return value;
        }
        if (type.sensitive()) {
            return REMOVED;
        }
        if ("object".equals(type.type()) && value instanceof Map<?, ?> map) {
            return object(map, type);
        }
        if ("array".equals(type.type()) && value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            for (Object item : list) {
                Object filtered = kept(item, type.items());
                if (filtered != REMOVED) {
                    kept.add(filtered);
                }
            }
            return kept;
        }
        return value;
    }

    private static Map<String, Object> object(Map<?, ?> map, TypeDefinition type) {
        Map<String, TypeDefinition> declared = type.properties() == null ? Map.of() : type.properties();
        boolean undeclaredAllowed = !Boolean.FALSE.equals(type.additionalProperties());
        Map<String, Object> kept = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            TypeDefinition property = declared.get(name);
            Object filtered = property != null ? kept(value, property) : undeclaredAllowed ? value : REMOVED;
            if (filtered != REMOVED) {
                kept.put(name, filtered);
            }
        });
        return kept;
    }
}
