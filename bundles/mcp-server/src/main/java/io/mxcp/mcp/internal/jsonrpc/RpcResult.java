package io.mxcp.mcp.internal.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A method's result: a tree, or JSON text serialized once and reused (cached lists, discovery).
 * Exactly one of the two is set.
 */
public record RpcResult(JsonNode tree, String raw) {

    public static RpcResult of(JsonNode tree) {
        return new RpcResult(tree, null);
    }

    public static RpcResult ofJson(String json) {
        return new RpcResult(null, json);
    }
}
