package io.mxcp.mcp.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The server's public URLs: {@code transport.http.base_url} when it is set (behind a proxy or TLS terminator it is
 * the only reliable source), else the scheme and {@code Host} of the request at hand, which is how that client
 * reached the server (on a loopback bind, {@link HostOriginGuard} admits only local host names; MCP clients check
 * that the protected resource metadata names the URL they connected to).
 */
final class ResourceUrls {
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    static final String MCP_PATH = "/mcp";

    /** The base URL without a trailing slash, or null to use each request's. */
    private final String fixedBase;

    private ResourceUrls(String fixedBase) {
        this.fixedBase = fixedBase;
    }

    /** The base of {@code transport.http.base_url}, or of each request when it is not set. */
    static ResourceUrls configured(String baseUrl) {
        return new ResourceUrls(baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", ""));
    }

    String base(HttpServerExchange exchange) {
        if (fixedBase != null) {
            return fixedBase;
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
