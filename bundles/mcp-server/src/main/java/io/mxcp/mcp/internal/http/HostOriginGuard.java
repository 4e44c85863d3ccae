package io.mxcp.mcp.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.mxcp.mcp.api.HttpServerOptions;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;

/**
 * DNS-rebinding and cross-site protection. A server bound to a loopback interface: the {@code Host} and
 * {@code Origin} headers must name localhost, 127.0.0.1 or [::1] (any port), or the origin be one the user listed
 * for CORS by name ({@code *} does not open a local server to every site). A server bound elsewhere: an
 * {@code Origin}, when a browser sends one, must be the server's own (the {@code Host} it was reached at) or one CORS
 * allows — the MCP transport asks servers to check it on every connection — and, when
 * {@code transport.http.allowed_hosts} is set, the {@code Host} must be one of them: a page whose DNS name an
 * attacker re-points at a server inside a network names the attacker's host, which the Origin check alone accepts as
 * the server's own.
 */
final class HostOriginGuard {
    private static final Set<String> LOOPBACK = HttpServerOptions.LOOPBACK_NAMES;

    private final boolean loopback;
    private final AllowedHosts allowedHosts;
    private final Predicate<String> listedOrigin;
    private final Predicate<String> allowedOrigin;

    /**
     * @param listedOrigin  whether CORS names the origin (for loopback binds)
     * @param allowedOrigin whether CORS lets the origin call ({@code *} included; for other binds)
     */
    HostOriginGuard(boolean loopbackBind, AllowedHosts allowedHosts, Predicate<String> listedOrigin,
            Predicate<String> allowedOrigin) {
        this.loopback = loopbackBind;
        this.allowedHosts = allowedHosts;
        this.listedOrigin = listedOrigin;
        this.allowedOrigin = allowedOrigin;
    }

    /**
     * As {@link #refusal(String, String)} for a request's headers. A Host or Origin sent more than once is refused:
     * only one could be checked, and a proxy in front may read the other.
     */
    String refusal(HeaderMap headers) {
        if (headers.count(Headers.HOST) > 1 || headers.count(Headers.ORIGIN) > 1) {
            return "Forbidden: the Host or Origin header is sent more than once";
        }
        return refusal(headers.getFirst(Headers.HOST), headers.getFirst(Headers.ORIGIN));
    }

    /** Null when the request may proceed, else the reason to refuse it. */
    String refusal(String host, String origin) {
        if (!loopback) {
            if (host != null && !allowedHosts.allows(hostName(host))) {
                return "Forbidden: Host '" + host + "' is not in transport.http.allowed_hosts";
            }
            // "null" (a sandboxed frame, a file) is an origin like any other: allowed only when listed
            return origin == null || allowedOrigin.test(origin) || sameHost(origin, host)
                    ? null : "Forbidden: Origin '" + origin + "' may not call this server (transport.http.cors_origins)";
        }
        if (host != null && !LOOPBACK.contains(hostName(host))) {
            return "Forbidden: Host '" + host + "' is not allowed for a server bound to localhost";
        }
        if (origin != null && !LOOPBACK.contains(originHost(origin)) && !listedOrigin.test(origin)) {
            return "Forbidden: Origin '" + origin + "' is not allowed for a server bound to localhost";
        }
        return null;
    }

    /** {@code name[:port]} or {@code [v6][:port]} → the name, lower-cased. */
    static String hostName(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Whether the origin's host and port are the ones the request was sent to. */
    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getHost() == null || host == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String expected = host.strip().toLowerCase(Locale.ROOT);
            String authority = uri.getHost().toLowerCase(Locale.ROOT);
            return expected.equals(authority + ":" + port) || expected.equals(authority) && (port == 80 || port == 443);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String originHost(String origin) {
        try {
            String host = new URI(origin.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
