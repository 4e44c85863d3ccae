package io.mxcp.mcp.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DNS-rebinding protection for a server bound to a loopback interface: the {@code Host} and {@code Origin}
 * headers must name localhost, 127.0.0.1 or [::1] (any port), or the origin be one the user listed for CORS by
 * name ({@code *} does not open a local server to every site). Servers bound elsewhere accept any.
 */
final class LocalBindGuard {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean active;
    private final Predicate<String> listedOrigin;

    LocalBindGuard(String bindHost, Predicate<String> listedOrigin) {
        this.active = bindHost == null || LOOPBACK.contains(bindHost.toLowerCase(Locale.ROOT));
        this.listedOrigin = listedOrigin;
    }

    /** Null when the request may proceed, else the reason to refuse it. */
    String refusal(String host, String origin) {
        if (!active) {
            return null;
        }
        if (host != null && !LOOPBACK.contains(hostName(host))) {
            return "Forbidden: Host '" + host + "' is not allowed for a server bound to localhost";
        }
        if (origin != null && !origin.equals("null") && !LOOPBACK.contains(originHost(origin))
                && !listedOrigin.test(origin)) {
            return "Forbidden: Origin '" + origin + "' is not allowed for a server bound to localhost";
        }
        return null;
    }

    /** {@code name[:port]} or {@code [v6][:port]} → the name, lower-cased. */
    private static String hostName(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
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
