package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a 2025-era connection (stdio) or session (HTTP) remembers between requests: the log level the client chose,
 * the client as the target of the server's requests, and its resource subscriptions. Modern requests and stateless
 * HTTP have none of it.
 */
public final class LegacyState {
    private final ClientLogLevel logLevel = new ClientLogLevel();
    private final ClientRequests clientRequests;
    private final ResourceSubscriptions resources = new ResourceSubscriptions();
    /** The revision the connection's or session's initialize agreed on; null until then. */
    private volatile String protocolVersion;

    public LegacyState(ObjectMapper mapper) {
        this(new ClientRequests(mapper));
    }

    LegacyState(ClientRequests clientRequests) {
        this.clientRequests = clientRequests;
    }

    ClientLogLevel logLevel() {
        return logLevel;
    }

    /** The client as the target of the server's requests; its answers are delivered here. */
    public ClientRequests clientRequests() {
        return clientRequests;
    }

    ResourceSubscriptions resources() {
        return resources;
    }

    void negotiated(String version) {
        protocolVersion = version;
    }

    /** The revision the initialize agreed on, or null before one. */
    public String protocolVersion() {
        return protocolVersion;
    }
}
