package io.mxcp.mcp.internal.protocol;

/**
 * The MCP request headers of one streamable HTTP POST (values as received, or null when absent).
 *
 * @param protocolVersion {@code MCP-Protocol-Version}
 * @param method          {@code Mcp-Method}
 * @param name            {@code Mcp-Name}
 * @param sessionId       {@code Mcp-Session-Id}
 */
public record InboundHeaders(String protocolVersion, String method, String name, String sessionId) {
}
