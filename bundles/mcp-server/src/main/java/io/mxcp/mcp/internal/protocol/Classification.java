package io.mxcp.mcp.internal.protocol;

/**
 * The era a request was assigned to and the protocol version it runs under.
 *
 * @param era             legacy or modern
 * @param protocolVersion the modern envelope's version, or for legacy the version the client named (may be null)
 */
public record Classification(Era era, String protocolVersion) {

    public boolean modern() {
        return era == Era.MODERN;
    }
}
