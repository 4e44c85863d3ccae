package io.mxcp.mcp.internal.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one reload means to each kind of subscriber: the {@code notifications/*}{@code /list_changed} of the lists
 * it changed, then {@code notifications/resources/updated} for every subscribed resource the new project still
 * serves (its content is computed on read, and a reload is when the data behind it may have been refreshed).
 */
public final class ReloadNotice {
    private static final String UPDATED = "notifications/resources/updated";

    private final Set<ListKind> changed;
    private final Predicate<String> served;
    private final ObjectMapper mapper;

    ReloadNotice(Set<ListKind> changed, Predicate<String> served, ObjectMapper mapper) {
        this.changed = EnumSet.noneOf(ListKind.class);
        this.changed.addAll(changed);
        this.served = served;
        this.mapper = mapper;
    }

    /** The kinds of list the reload changed (possibly none). */
    public Set<ListKind> changed() {
        return changed;
    }

    /** For a legacy connection or session: every changed list, and its subscriptions. */
    public List<ObjectNode> forLegacy(LegacyState state) {
        List<ObjectNode> messages = new ArrayList<>();
        changed.forEach(kind -> messages.add(kind.notification(mapper)));
        state.resources().uris().stream().filter(served).forEach(uri -> messages.add(updated(uri, null)));
        return messages;
    }

    /** For a 2026-07-28 listen subscription: what it opted in to, each naming the subscription. */
    public List<ObjectNode> forListen(Subscriptions.Acknowledgement listen, JsonNode subscriptionId) {
        List<ObjectNode> messages = new ArrayList<>();
        changed.stream().filter(listen.listChanged()::contains)
                .forEach(kind -> messages.add(kind.notification(mapper, subscriptionId)));
        listen.resources().stream().filter(served).forEach(uri -> messages.add(updated(uri, subscriptionId)));
        return messages;
    }

    /** @param subscriptionId the listen subscription it is sent on, or null on a legacy connection or session */
    private ObjectNode updated(String uri, JsonNode subscriptionId) {
        ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0").put("method", UPDATED);
        ObjectNode params = message.putObject("params").put("uri", uri);
        if (subscriptionId != null) {
            MetaKeys.nameSubscription(params, subscriptionId);
        }
        return message;
    }
}
