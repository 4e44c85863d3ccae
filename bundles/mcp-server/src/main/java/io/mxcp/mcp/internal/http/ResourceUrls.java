package io.mxcp.mcp.internal.http;

import java.util.function.Supplier;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The server's public URLs: a fixed base when there is one — {@code transport.http.base_url} (behind a proxy or TLS
 * terminator it is the only reliable source), or in issuer mode the issuer, which tokens are bound to — else the
 * scheme and {@code Host} of the request at hand, which is how that client reached the server (on a loopback bind,
 * {@link HostOriginGuard} admits only local host names).
 */
final class ResourceUrls {
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    static final String MCP_PATH = "/mcp";

    private final Supplier<String> fixedBase;

    /** @param fixedBase the base URL without a trailing slash, or a supplier of null to use each request's */
    ResourceUrls(Supplier<String> fixedBase) {
        this.fixedBase = fixedBase;
    }

    /** The base of {@code transport.http.base_url}, or of each request when it is not set. */
    static ResourceUrls configured(String baseUrl) {
        String base = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        return new ResourceUrls(() -> base);
    }

    String base(HttpServerExchange exchange) {
        String fixed = fixedBase.get();
        if (fixed != null) {
            return fixed;
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
