package io.mxcp.mcp.api;

/**
 * Streamable HTTP settings.
 *
 * @param host      interface to bind ({@code localhost} by default)
 * @param port      port to bind; 0 picks a free one
 * @param stateless no sessions: every POST stands alone
 */
public record HttpServerOptions(String host, int port, boolean stateless) {
}
