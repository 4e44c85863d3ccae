package io.mxcp.cli.serve;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --transport}; a name other than the three known ones is a usage error. */
public final class TransportConverter implements ITypeConverter<Transport> {

    public TransportConverter() {
    }

    @Override
    public Transport convert(String value) {
        Transport transport = Transport.named(value);
        if (transport == null) {
            throw new TypeConversionException("'" + value + "' is not one of 'streamable-http', 'sse', 'stdio'");
        }
        return transport;
    }
}
