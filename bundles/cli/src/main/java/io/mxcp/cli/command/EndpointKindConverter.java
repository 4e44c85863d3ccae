package io.mxcp.cli.command;

import io.mxcp.core.model.EndpointKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code tool}, {@code resource} or {@code prompt}; anything else is a usage error. */
public final class EndpointKindConverter implements ITypeConverter<EndpointKind> {

    public EndpointKindConverter() {
    }

    @Override
    public EndpointKind convert(String value) {
        for (EndpointKind kind : EndpointKind.values()) {
            if (kind.yamlKey().equals(value)) {
                return kind;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of 'tool', 'resource', 'prompt'");
    }
}
