package io.mxcp.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON-RPC messages clients send, as the SDK clients shape them. */
public final class Messages {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    /** A 2026-07-28 request: params with the full {@code _meta} envelope. */
    public static ObjectNode modern(Object id, String method, ObjectNode params) {
        return modernWithVersion(id, method, params, "2026-07-28");
    }

    public static ObjectNode modernWithVersion(Object id, String method, ObjectNode params, String version) {
        ObjectNode withMeta = params == null ? JSON.createObjectNode() : params.deepCopy();
        ObjectNode meta = withMeta.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", version);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
        return legacy(id, method, withMeta);
    }

    /** A request without an envelope (2025-era). */
    public static ObjectNode legacy(Object id, String method, ObjectNode params) {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("id", JSON.valueToTree(id));
        message.put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        return message;
    }

    public static ObjectNode initialize(Object id, String version) {
        ObjectNode params = JSON.createObjectNode().put("protocolVersion", version);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "test").put("version", "1");
        return legacy(id, "initialize", params);
    }

    public static ObjectNode call(String tool, ObjectNode arguments) {
        ObjectNode params = JSON.createObjectNode().put("name", tool);
        params.set("arguments", arguments == null ? JSON.createObjectNode() : arguments);
        return params;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
