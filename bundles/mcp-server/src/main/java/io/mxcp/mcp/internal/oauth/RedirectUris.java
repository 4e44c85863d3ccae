package io.mxcp.mcp.internal.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mxcp.mcp.api.HttpServerOptions;

/**
 * Redirect URIs: which a client may register (https anywhere, http only on the loopback interface, a native app's
 * private-use scheme), and whether a requested one is registered — exactly, up to the case of an http(s) URI's
 * scheme and host and an empty path (an added query parameter, path segment or fragment is another URI), except
 * that an http URI on the loopback interface may name any port (RFC 8252 §7.3, OAuth 2.1 §8.4.2: a native app
 * listens on whichever port is free when the user signs in).
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
        // a native app's private-use scheme: RFC 8252 §7.1 asks for a reverse domain name (com.example.app:/cb),
        // but MCP clients in use register their product's name (cursor://anysphere.cursor-mcp/oauth/callback)
        return null;
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
            if (parsed.getRawFragment() != null) {
                return null; // never registered (RFC 6749 §3.1.2), and the code would follow in the fragment
            }
            if (parsed.isOpaque() || parsed.getHost() == null) {
                return uri; // only http(s) URIs have parts whose case does not matter
            }
            String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost().toLowerCase(Locale.ROOT);
            boolean anyPort = "http".equals(scheme) && LOOPBACK.contains(host);
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return scheme + "://" + (parsed.getRawUserInfo() == null ? "" : parsed.getRawUserInfo() + "@") + host
                    + (anyPort || parsed.getPort() < 0 ? "" : ":" + parsed.getPort())
                    + path + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
