package io.mxcp.core.model;

/**
 * A declared endpoint parameter: a name and its type. It is optional exactly when the type has a default.
 */
public record ParameterDefinition(String name, TypeDefinition type) {

    public boolean required() {
        return !type.hasDefault();
    }
}
