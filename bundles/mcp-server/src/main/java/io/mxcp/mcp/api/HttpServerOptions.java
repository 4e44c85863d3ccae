package io.mxcp.mcp.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Streamable HTTP settings.
 *
 * @param host               interface to bind ({@code localhost} by default)
 * @param port               port to bind; 0 picks a free one
 * @param stateless          no sessions: every POST stands alone
 * @param jsonResponse       every answer is {@code application/json}, also when the client accepts an event stream
 *                           (progress and log notifications are then not delivered)
 * @param maxRequestBytes    the largest request body accepted; larger ones get HTTP 413
 * @param maxConcurrentCalls the most endpoint calls ({@code tools/call}, {@code resources/read},
 *                           {@code prompts/get}) running at once; one more gets HTTP 503 with {@code Retry-After};
 *                           0 for no limit
 * @param corsOrigins        origins browsers may call from ({@code *} for any); empty: no CORS headers
 * @param allowedHosts       for a server bound to a non-loopback interface, the host names requests may name in
 *                           {@code Host} (a leading {@code *.} matches subdomains); IP addresses and localhost are
 *                           always accepted; empty: any (since 1.4)
 * @param rateLimit          how many requests one client may send, or null for no limit (since 1.4)
 * @param trustProxy         whether a proxy in front sets {@code X-Forwarded-For}: the client is then its first
 *                           address, else the connection's peer (since 1.4)
 */
public record HttpServerOptions(String host, int port, boolean stateless, boolean jsonResponse, long maxRequestBytes,
        int maxConcurrentCalls, List<String> corsOrigins, List<String> allowedHosts, RateLimit rateLimit,
        boolean trustProxy) {

    /**
     * Requests per client, as a token bucket: {@code burst} at once, refilled at {@code requestsPerMinute}.
     *
     * @since 1.4
     */
    public record RateLimit(int requestsPerMinute, int burst) {
        public RateLimit {
            if (requestsPerMinute < 1 || burst < 1) {
                throw new IllegalArgumentException("requestsPerMinute and burst must be at least 1, got "
                        + requestsPerMinute + " and " + burst);
            }
        }
    }

    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    /** The names of the loopback interface, as a bind host or in a URL's host (since 1.4). */
    public static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;

    public HttpServerOptions {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, got " + maxRequestBytes);
        }
        if (maxConcurrentCalls < 0) {
            throw new IllegalArgumentException("maxConcurrentCalls must be 0 (no limit) or positive, got "
                    + maxConcurrentCalls);
        }
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** Whether the server listens on the loopback interface only (the default host) (since 1.4). */
    public boolean loopbackBind() {
        return host == null || LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Settings without a Host allowlist, a rate limit or a trusted proxy. */
    public HttpServerOptions(String host, int port, boolean stateless, boolean jsonResponse, long maxRequestBytes,
            int maxConcurrentCalls, List<String> corsOrigins) {
        this(host, port, stateless, jsonResponse, maxRequestBytes, maxConcurrentCalls, corsOrigins, List.of(), null,
                false);
    }

    /** Answers by the client's {@code Accept}, the default limits, no CORS. */
    public HttpServerOptions(String host, int port, boolean stateless) {
        this(host, port, stateless, false, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_CONCURRENT_CALLS, List.of());
    }
}
