package io.mxcp.core.model;

import java.util.List;
import java.util.Map;

/**
 * A type as endpoint YAML declares it (spec 01 §3.1), for parameters, returns, array items and object
 * properties. Unset constraints are null.
 *
 * @param type                 {@code string|number|integer|boolean|array|object}
 * @param format               {@code email|uri|date|time|date-time|duration|timestamp}, or null
 * @param description          or null
 * @param hasDefault           whether the YAML has a {@code default} key (even {@code default: null})
 * @param defaultValue         the default, when {@link #hasDefault}
 * @param examples             or null
 * @param enumValues           allowed values, or null
 * @param sensitive            marks values to redact
 * @param properties           for objects, in YAML order, or null
 * @param required             for objects, or null
 * @param additionalProperties for objects; null means allowed
 */
public record TypeDefinition(
        String type,
        String format,
        String description,
        boolean hasDefault,
        Object defaultValue,
        List<Object> examples,
        List<Object> enumValues,
        boolean sensitive,
        Integer minLength,
        Integer maxLength,
        String pattern,
        Double minimum,
        Double maximum,
        Double exclusiveMinimum,
        Double exclusiveMaximum,
        Double multipleOf,
        Integer minItems,
        Integer maxItems,
        Boolean uniqueItems,
        TypeDefinition items,
        Map<String, TypeDefinition> properties,
        List<String> required,
        Boolean additionalProperties) {

    /**
     * Whether the declared default is null: a value a caller may then send, whatever the type (the published schema
     * shows it as the default, and clients that fill in defaults send it).
     *
     * @since 1.2
     */
    public boolean hasNullDefault() {
        return hasDefault && defaultValue == null;
    }
}
