package io.mxcp.executor.sql.statement;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What binding needs of a declared parameter type (spec 01 §3.1): its type and format, the type of its items and its
 * properties in declaration order.
 *
 * @param type       {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or
 *                   {@code object}
 * @param format     the string format, or null
 * @param items      the item type of an array, or null when not declared
 * @param properties the declared properties of an object, in declaration order; a property whose declaration is
 *                   not readable maps to null
 */
public record DeclaredType(String type, String format, DeclaredType items,
        SequencedMap<String, DeclaredType> properties) {

    public DeclaredType {
        properties = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(properties));
    }

    /**
     * The parameter types that shape how values bind, by lower-cased name (SQL parameter names are matched without
     * case): objects with properties and arrays of them. Other parameters bind by their values alone.
     *
     * @param parameterTypes the endpoint's declared types by parameter name ({@code EndpointSource.parameterTypes})
     */
    public static Map<String, DeclaredType> shaping(Map<String, Object> parameterTypes) {
        Map<String, DeclaredType> shaping = Map.of();
        for (Map.Entry<String, Object> parameter : parameterTypes.entrySet()) {
            // a call's hot path: scalar parameters, the common case, are passed over without building anything
            if (parameter.getValue() instanceof Map<?, ?> declared
                    && ("object".equals(declared.get("type")) || "array".equals(declared.get("type")))) {
                DeclaredType type = fromYaml(declared);
                if (type.shapesStructs()) {
                    if (shaping.isEmpty()) {
                        shaping = new HashMap<>();
                    }
                    shaping.put(parameter.getKey().toLowerCase(Locale.ROOT), type);
                }
            }
        }
        return shaping;
    }

    /** The type as an endpoint's YAML declares it, or null when it is not a map with a {@code type}. */
    public static DeclaredType fromYaml(Object yaml) {
        if (!(yaml instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
            return null;
        }
        SequencedMap<String, DeclaredType> properties = new LinkedHashMap<>();
        if (map.get("properties") instanceof Map<?, ?> declared) {
            declared.forEach((name, property) -> properties.put(String.valueOf(name), fromYaml(property)));
        }
        String format = map.get("format") instanceof String text ? text : null;
        return new DeclaredType(type, format, fromYaml(map.get("items")), properties);
    }

    /**
     * Whether values of this type bind by their declaration rather than by inference: objects with properties, and
     * arrays of them. Others keep the reference's inferred types (spec 01 §4.2).
     */
    boolean shapesStructs() {
        return switch (type) {
            case "object" -> !properties.isEmpty();
            case "array" -> items != null && items.shapesStructs();
            default -> false;
        };
    }
}
