package io.mxcp.mcp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.TypeDefinition;

/** Builds TypeDefinitions for tests; only the fields a test sets differ from null. */
public final class TypeBuilder {
    private final String type;
    private String format;
    private String description;
    private List<Object> examples;
    private boolean hasDefault;
    private Object defaultValue;
    private List<Object> enumValues;
    private Integer minLength;
    private Integer maxLength;
    private String pattern;
    private Double minimum;
    private Double maximum;
    private Double exclusiveMinimum;
    private Double exclusiveMaximum;
    private Double multipleOf;
    private Integer minItems;
    private Integer maxItems;
    private TypeDefinition items;
    private Map<String, TypeDefinition> properties;
    private List<String> required;
    private Boolean additionalProperties;
    private boolean sensitive;

    private TypeBuilder(String type) {
        this.type = type;
    }

    public static TypeBuilder type(String type) {
        return new TypeBuilder(type);
    }

    public TypeBuilder description(String value) {
        description = value;
        return this;
    }

    public TypeBuilder examples(Object... values) {
        examples = List.of(values);
        return this;
    }

    public TypeBuilder defaultValue(Object value) {
        hasDefault = true;
        defaultValue = value;
        return this;
    }

    public TypeBuilder enumValues(Object... values) {
        enumValues = List.of(values);
        return this;
    }

    public TypeBuilder length(Integer min, Integer max) {
        minLength = min;
        maxLength = max;
        return this;
    }

    public TypeBuilder format(String value) {
        format = value;
        return this;
    }

    public TypeBuilder pattern(String value) {
        pattern = value;
        return this;
    }

    public TypeBuilder range(Double min, Double max) {
        minimum = min;
        maximum = max;
        return this;
    }

    public TypeBuilder exclusive(Double min, Double max) {
        exclusiveMinimum = min;
        exclusiveMaximum = max;
        return this;
    }

    public TypeBuilder multipleOf(double value) {
        multipleOf = value;
        return this;
    }

    public TypeBuilder itemCount(Integer min, Integer max) {
        minItems = min;
        maxItems = max;
        return this;
    }

    public TypeBuilder items(TypeBuilder value) {
        items = value.build();
        return this;
    }

    public TypeBuilder property(String name, TypeBuilder value) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
        }
        properties.put(name, value.build());
        return this;
    }

    public TypeBuilder required(String... names) {
        required = List.of(names);
        return this;
    }

    public TypeBuilder sensitive() {
        sensitive = true;
        return this;
    }

    public TypeBuilder closed() {
        additionalProperties = false;
        return this;
    }

    public TypeDefinition build() {
        return new TypeDefinition(type, format, description, hasDefault, defaultValue, examples, enumValues, sensitive, minLength,
                maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems,
                null, items, properties, required, additionalProperties);
    }
}
