package io.mxcp.mcp.internal.oauth;

import java.util.HashSet;
import java.util.Set;

import io.mxcp.mcp.api.HttpServerOptions;

/**
 * The authorization server's URLs. The issuer is the server's base URL: {@code transport.http.base_url}, else
 * {@code http://<host>:<port>} of the bound listener (known once it is bound), so it is the same for every client.
 * Without a base URL the server is on the loopback interface, where a client may name it by any of its loopback
 * names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): tokens for the MCP endpoint under each are its own.
 */
public final class IssuerUrls {
    private volatile String base;
    /** The bases a resource of this server may name: the issuer's, and its loopback aliases. */
    private volatile Set<String> bases;

    /** @param configuredBase {@code transport.http.base_url}, or null until the listener is bound */
    public IssuerUrls(String configuredBase) {
        this.base = configuredBase == null || configuredBase.isBlank() ? null : configuredBase.replaceAll("/+$", "");
        this.bases = base == null ? Set.of() : Set.of(base);
    }

    /** Once bound, when no base URL was configured. */
    public void bound(String host, int port) {
        if (base == null) {
            base = "http://" + bracketed(host) + ":" + port;
            Set<String> named = new HashSet<>(Set.of(base));
            if (HttpServerOptions.LOOPBACK_NAMES.contains(host)) {
                HttpServerOptions.LOOPBACK_NAMES.forEach(name -> named.add("http://" + bracketed(name) + ":" + port));
            }
            bases = Set.copyOf(named);
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public String issuer() {
        return base;
    }

    String endpoint(String path) {
        return base + path;
    }

    /** The MCP endpoint: the one resource tokens are for. */
    public String resource() {
        return base + "/mcp";
    }

    /** Whether an RFC 8707 {@code resource} names this server's MCP endpoint (or the server itself). */
    boolean isOurs(String resource) {
        String trimmed = resource.replaceAll("/+$", "");
        return bases.contains(trimmed) || trimmed.endsWith("/mcp")
                && bases.contains(trimmed.substring(0, trimmed.length() - "/mcp".length()));
    }
}
