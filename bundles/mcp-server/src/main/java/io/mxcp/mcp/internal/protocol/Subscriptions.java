package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcMessage;
import io.mxcp.mcp.internal.mapping.ResourceCatalog;

/**
 * The messages of a 2026-07-28 {@code subscriptions/listen} stream (spec 04b §4): the acknowledgement that opens
 * it (the list-changed kinds the client asked for, and the subscribed URIs of served resources) and the result
 * that ends it from the server's side. The stream itself belongs to the transport.
 */
public final class Subscriptions {
    public static final String LISTEN = "subscriptions/listen";
    private static final String[] LIST_CHANGED = {"toolsListChanged", "promptsListChanged", "resourcesListChanged"};

    private final ResourceCatalog resources;
    private final ObjectMapper mapper;

    Subscriptions(ResourceCatalog resources, ObjectMapper mapper) {
        this.resources = resources;
        this.mapper = mapper;
    }

    /** The {@code notifications/subscriptions/acknowledged} message for a listen request. */
    ObjectNode acknowledgement(JsonRpcMessage request) throws JsonRpcException {
        JsonNode requested = request.params().get("notifications");
        if (!(requested instanceof ObjectNode filter)) {
            throw JsonRpcErrors.invalidParams("Invalid params: subscriptions/listen 'notifications' must be an object");
        }
        ObjectNode honoured = mapper.createObjectNode();
        for (String kind : LIST_CHANGED) {
            if (filter.path(kind).asBoolean(false)) {
                honoured.put(kind, true);
            }
        }
        JsonNode uris = filter.get("resourceSubscriptions");
        if (uris != null && uris.isArray()) {
            ArrayNode subscribed = honoured.putArray("resourceSubscriptions");
            uris.forEach(uri -> {
                if (uri.isTextual() && resources.match(uri.asText()) != null) {
                    subscribed.add(uri.asText());
                }
            });
        }
        ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0")
                .put("method", "notifications/subscriptions/acknowledged");
        ObjectNode params = message.putObject("params");
        params.set("notifications", honoured);
        params.putObject("_meta").set(MetaKeys.SUBSCRIPTION_ID, request.id());
        return message;
    }

    /** The result that ends a listen stream from the server's side (shutdown). */
    public ObjectNode closing(JsonNode listenId) {
        ObjectNode result = mapper.createObjectNode().put("resultType", "complete");
        result.putObject("_meta").set(MetaKeys.SUBSCRIPTION_ID, listenId);
        return result;
    }
}
