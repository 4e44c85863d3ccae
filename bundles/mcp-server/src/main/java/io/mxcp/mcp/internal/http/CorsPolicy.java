package io.mxcp.mcp.internal.http;

import java.util.List;
import java.util.Set;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Cross-origin access for browser clients ({@code transport.http.cors_origins}): requests from a listed origin
 * (or any, with {@code *}) get the CORS response headers, with {@code Mcp-Session-Id} and
 * {@code MCP-Protocol-Version} exposed; preflight {@code OPTIONS} requests are answered. Without origins no CORS
 * header is sent and browsers keep other origins out.
 */
final class CorsPolicy {
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    private static final String METHODS = "GET, POST, DELETE, OPTIONS";
    private static final String HEADERS = "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, "
            + "Mcp-Method, Mcp-Name, Last-Event-ID";
    /** WWW-Authenticate names the protected resource metadata: a browser client needs it to find where to sign in. */
    private static final String EXPOSED = "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate";
    private static final String PREFLIGHT_CACHE_SECONDS = "86400";

    private final Set<String> origins;
    private final boolean anyOrigin;

    CorsPolicy(List<String> origins) {
        this.origins = Set.copyOf(origins);
        this.anyOrigin = this.origins.contains("*");
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    /** Whether the origin is named in the list (not merely allowed by {@code *}). */
    boolean lists(String origin) {
        return origins.contains(origin);
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /** Adds the response headers a browser needs to read the answer, when the request's origin may call. */
    void decorate(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (!enabled()) {
            return;
        }
        exchange.getResponseHeaders().add(Headers.VARY, "Origin");
        if (allows(origin)) {
            exchange.getResponseHeaders().put(ALLOW_ORIGIN, anyOrigin ? "*" : origin).put(EXPOSE_HEADERS, EXPOSED);
        }
    }

    /**
     * Answers a preflight: 204 with the allowed methods and headers (the requested ones, which covers
     * {@code Mcp-Param-*}), or 403 for an origin that is not allowed.
     *
     * @return the refusal's message, or null when answered
     */
    String preflight(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (!allows(origin)) {
            return "Forbidden: Origin '" + origin + "' is not in transport.http.cors_origins";
        }
        String requested = exchange.getRequestHeaders().getFirst(REQUEST_HEADERS);
        exchange.getResponseHeaders().put(ALLOW_METHODS, METHODS)
                .put(ALLOW_HEADERS, requested == null || requested.isBlank() ? HEADERS : requested)
                .put(MAX_AGE, PREFLIGHT_CACHE_SECONDS);
        exchange.setStatusCode(204);
        exchange.endExchange();
        return null;
    }
}
