package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The reserved {@code _meta} keys of 2026-07-28. */
public final class MetaKeys {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    /** The lowest level of log messages a modern request wants; absent: none. */
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    /** Not reserved-prefixed: the progress token of every revision. */
    public static final String PROGRESS_TOKEN = "progressToken";

    private MetaKeys() {
    }

    /**
     * Names the listen subscription a message belongs to: {@code _meta["io.modelcontextprotocol/subscriptionId"]}
     * in {@code params} (or a result). Returns {@code params}.
     */
    public static ObjectNode nameSubscription(ObjectNode params, JsonNode subscriptionId) {
        params.putObject("_meta").set(SUBSCRIPTION_ID, subscriptionId);
        return params;
    }
}
