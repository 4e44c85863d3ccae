package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lists a client can be told changed, each with its notification and the {@code subscriptions/listen} filter
 * field that opts in to it (spec 04 §5, 04b §4). {@code RESOURCES} covers resources and resource templates.
 */
public enum ListKind {
    TOOLS("notifications/tools/list_changed", "toolsListChanged"),
    RESOURCES("notifications/resources/list_changed", "resourcesListChanged"),
    PROMPTS("notifications/prompts/list_changed", "promptsListChanged");

    private final String method;
    private final String listenFlag;

    ListKind(String method, String listenFlag) {
        this.method = method;
        this.listenFlag = listenFlag;
    }

    /** The filter field of {@code subscriptions/listen} that asks for this kind. */
    public String listenFlag() {
        return listenFlag;
    }

    /** The notification for a legacy connection or session. */
    public ObjectNode notification(ObjectMapper mapper) {
        return mapper.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    }

    /** The notification on a listen stream, naming the subscription (the listen request's id). */
    public ObjectNode notification(ObjectMapper mapper, JsonNode subscriptionId) {
        ObjectNode notification = notification(mapper);
        MetaKeys.nameSubscription(notification.putObject("params"), subscriptionId);
        return notification;
    }
}
