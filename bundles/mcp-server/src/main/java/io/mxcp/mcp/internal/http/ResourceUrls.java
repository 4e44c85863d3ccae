package io.mxcp.mcp.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The server's public URLs: from {@code transport.http.base_url} when set (behind a proxy or TLS terminator it is the
 * only reliable source), else from the scheme and {@code Host} of the request at hand, which is how that client
 * reached the server (on a loopback bind, {@link LocalBindGuard} admits only local host names).
 */
final class ResourceUrls {
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    static final String MCP_PATH = "/mcp";

    private final String configuredBase;

    /** @param configuredBase {@code transport.http.base_url}, or null */
    ResourceUrls(String configuredBase) {
        this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null
                : configuredBase.replaceAll("/+$", "");
    }

    String base(HttpServerExchange exchange) {
        if (configuredBase != null) {
            return configuredBase;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || host.isBlank()) {
            host = exchange.getHostAndPort();
        }
        return exchange.getRequestScheme() + "://" + host.strip();
    }

    /** The MCP endpoint: the resource tokens are meant for. */
    String resource(HttpServerExchange exchange) {
        return base(exchange) + MCP_PATH;
    }

    /** Where the protected resource metadata of the MCP endpoint is (RFC 9728 §3.1: well-known before the path). */
    String metadata(HttpServerExchange exchange) {
        return base(exchange) + METADATA_PATH + MCP_PATH;
    }
}
