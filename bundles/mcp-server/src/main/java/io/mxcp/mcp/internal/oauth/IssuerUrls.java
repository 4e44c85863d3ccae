package io.mxcp.mcp.internal.oauth;

import java.util.Set;

/**
 * The authorization server's URLs. The issuer is the server's base URL: {@code transport.http.base_url}, else
 * {@code http://<host>:<port>} of the bound listener (known once it is bound), so it is the same for every client.
 */
public final class IssuerUrls {
    private volatile String base;

    /** @param configuredBase {@code transport.http.base_url}, or null until the listener is bound */
    public IssuerUrls(String configuredBase) {
        this.base = configuredBase == null || configuredBase.isBlank() ? null : configuredBase.replaceAll("/+$", "");
    }

    /** Once bound, when no base URL was configured. */
    public void bound(String host, int port) {
        if (base == null) {
            base = "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        }
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
        return Set.of(base, base + "/mcp").contains(trimmed);
    }
}
