package io.mxcp.mcp.internal.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The answer to a listen request.
     *
     * @param message     the {@code notifications/subscriptions/acknowledged} message that opens the stream
     * @param listChanged the list-changed notifications the stream carries
     * @param resources   the subscribed resources it carries {@code notifications/resources/updated} for
     */
    public record Acknowledgement(ObjectNode message, Set<ListKind> listChanged, List<String> resources) {
    }

    private final ResourceCatalog resources;
    private final Results results;
    private final ObjectMapper mapper;

    Subscriptions(ResourceCatalog resources, Results results, ObjectMapper mapper) {
        this.resources = resources;
        this.results = results;
        this.mapper = mapper;
    }

    /** Acknowledges a listen request with the subset of its filter that is honoured. */
    Acknowledgement acknowledgement(JsonRpcMessage request) throws JsonRpcException {
        JsonNode requested = request.params().get("notifications");
        if (!(requested instanceof ObjectNode filter)) {
            throw JsonRpcErrors.invalidParams("Invalid params: subscriptions/listen 'notifications' must be an object");
        }
        ObjectNode honoured = mapper.createObjectNode();
        Set<ListKind> listChanged = EnumSet.noneOf(ListKind.class);
        for (ListKind kind : ListKind.values()) {
            JsonNode flag = filter.get(kind.listenFlag());
            if (flag != null && !flag.isBoolean()) {
                throw JsonRpcErrors.invalidParams("Invalid params: subscriptions/listen 'notifications."
                        + kind.listenFlag() + "' must be true or false");
            }
            if (flag != null && flag.booleanValue()) {
                honoured.put(kind.listenFlag(), true);
                listChanged.add(kind);
            }
        }
        List<String> subscribed = new ArrayList<>();
        JsonNode uris = filter.get("resourceSubscriptions");
        if (uris != null && !(uris.isArray() && uris.valueStream().allMatch(JsonNode::isTextual))) {
            throw JsonRpcErrors.invalidParams("Invalid params: subscriptions/listen 'notifications.resourceSubscriptions'"
                    + " must be an array of resource URIs");
        }
        if (uris != null) {
            ArrayNode acknowledged = honoured.putArray("resourceSubscriptions");
            uris.forEach(uri -> {
                if (uri.isTextual() && resources.serves(uri.asText())) {
                    acknowledged.add(uri.asText());
                    subscribed.add(uri.asText());
                }
            });
        }
        ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0")
                .put("method", "notifications/subscriptions/acknowledged");
        ObjectNode params = message.putObject("params");
        params.set("notifications", honoured);
        MetaKeys.nameSubscription(params, request.id());
        return new Acknowledgement(message, listChanged, List.copyOf(subscribed));
    }

    /** The result that ends a listen stream from the server's side (shutdown), a modern result like any other. */
    public ObjectNode closing(JsonNode listenId) {
        ObjectNode result = results.complete(mapper.createObjectNode(), true);
        ((ObjectNode) result.get("_meta")).set(MetaKeys.SUBSCRIPTION_ID, listenId);
        return result;
    }
}
