package io.mxcp.mcp.internal.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mxcp.mcp.api.HttpServerOptions;

/**
 * Redirect URIs: which a client may register (https anywhere, http only on the loopback interface, a native app's
 * private-use scheme named after a domain), and whether a requested one is registered — exactly, up to the case of
 * an http(s) URI's scheme and host and an empty path (an added query parameter or path segment is another URI).
 */
final class RedirectUris {
    private static final Set<String> LOOPBACK = HttpServerOptions.LOOPBACK_NAMES;
    private static final Set<String> NEVER = Set.of("javascript", "data", "file", "vbscript");

    private RedirectUris() {
    }

    /** Null when the URI may be registered, else why not. */
    static String refusal(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "'" + uri + "' is not a URI";
        }
        String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || parsed.getFragment() != null) {
            return "'" + uri + "' must be an absolute URI without a fragment";
        }
        if (NEVER.contains(scheme)) {
            return "'" + uri + "' has a forbidden scheme";
        }
        if (scheme.equals("https")) {
            return parsed.getHost() == null ? "'" + uri + "' has no host" : null;
        }
        if (scheme.equals("http")) {
            return parsed.getHost() != null && LOOPBACK.contains(parsed.getHost().toLowerCase(Locale.ROOT)) ? null
                    : "'" + uri + "' must use https (http only for localhost, 127.0.0.1 or [::1])";
        }
        // a native app's private-use scheme is a reverse domain name (RFC 8252 §7.1): com.example.app:/cb
        return scheme.contains(".") ? null : "'" + uri + "' must use https, http on localhost, or a private-use "
                + "scheme named after a domain (such as com.example.app:/callback)";
    }

    /** The registered URI a requested one names, or null. */
    static String registered(String requested, List<String> registered) {
        String wanted = normalized(requested);
        if (wanted == null) {
            return null;
        }
        for (String candidate : registered) {
            if (wanted.equals(normalized(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static String normalized(String uri) {
        try {
            URI parsed = new URI(uri);
            if (parsed.isOpaque() || parsed.getHost() == null) {
                return uri; // only http(s) URIs have parts whose case does not matter
            }
            String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost() == null ? null : parsed.getHost().toLowerCase(Locale.ROOT);
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return scheme + "://" + (parsed.getRawUserInfo() == null ? "" : parsed.getRawUserInfo() + "@")
                    + (host == null ? parsed.getRawAuthority() : host) + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort())
                    + path + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
