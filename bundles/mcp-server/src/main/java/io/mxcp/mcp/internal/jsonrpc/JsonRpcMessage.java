package io.mxcp.mcp.internal.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One inbound JSON-RPC message that names a method: a request (with an id) or a notification (without).
 *
 * @param id     the request id as sent (string or number), or null for a notification
 * @param method the method name
 * @param params the params object, or an empty object when the message had none
 */
public record JsonRpcMessage(JsonNode id, String method, ObjectNode params) {

    public boolean isNotification() {
        return id == null;
    }

    /** A string member of params, or null when absent or not a string. */
    public String textParam(String name) {
        JsonNode value = params.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** {@code params._meta} when it is an object, else null. */
    public ObjectNode meta() {
        JsonNode meta = params.get("_meta");
        return meta instanceof ObjectNode object ? object : null;
    }
}
