package io.mxcp.mcp.internal.arguments;

/** Arguments that do not fit the MCP-layer schema; the message is pydantic's validation error text. */
public final class InvalidArgumentsException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidArgumentsException(String message) {
        super(message, null, false, false);
    }
}
