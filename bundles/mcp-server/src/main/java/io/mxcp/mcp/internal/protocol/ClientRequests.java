package io.mxcp.mcp.internal.protocol;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One 2025-era client (a stdio connection or an HTTP session) as the target of server requests: the capabilities
 * it declared at {@code initialize}, and the requests sent to it that wait for its response. Thread-safe.
 */
public final class ClientRequests {
    /** How long an endpoint waits for the client's answer: a person may be filling in a form. */
    public static final Duration PATIENCE = Duration.ofMinutes(10);

    /** A request sent to the client; {@code response} completes with the client's whole response message. */
    record Pending(long id, String method, CompletableFuture<JsonNode> response) {
    }

    private final ObjectMapper mapper;
    private final Duration patience;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** At most this many names of declared capabilities are kept: a session lives an hour, its memory as long. */
    private static final int KEPT_CAPABILITIES = 64;
    /** A longer name is kept neither: no capability the server asks for is named so. */
    private static final int LONGEST_NAME = 64;

    /** The names the client declared in {@code capabilities}: what they hold never decides what the server asks. */
    private volatile Set<String> capabilities = Set.of();

    public ClientRequests(ObjectMapper mapper) {
        this(mapper, PATIENCE);
    }

    public ClientRequests(ObjectMapper mapper, Duration patience) {
        this.mapper = mapper;
        this.patience = patience;
    }

    /** Records what the client declared in {@code initialize}'s {@code capabilities}. */
    void declare(JsonNode declared) {
        capabilities = declared != null && declared.isObject() ? declared.propertyStream().map(Map.Entry::getKey)
                .filter(name -> name.length() <= LONGEST_NAME).limit(KEPT_CAPABILITIES)
                .collect(Collectors.toUnmodifiableSet()) : Set.of();
    }

    boolean declared(String capability) {
        return capabilities.contains(capability);
    }

    Duration patience() {
        return patience;
    }

    /** Sends a request on the channel of the call that makes it. */
    Pending send(String method, JsonNode params, NotificationChannel channel) {
        Pending request = new Pending(ids.incrementAndGet(), method, new CompletableFuture<>());
        pending.put(Long.toString(request.id()), request);
        ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0").put("id", request.id()).put("method", method);
        message.set("params", params);
        channel.send(message);
        return request;
    }

    /** Stops waiting for a request and tells the client it is no longer wanted. */
    void abandon(Pending request, String reason, NotificationChannel channel) {
        if (pending.remove(Long.toString(request.id()), request)) {
            ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/cancelled");
            message.putObject("params").put("requestId", request.id()).put("reason", reason);
            channel.send(message);
        }
    }

    /**
     * A response the client sent: completes the request it answers.
     *
     * @return false when no request of this server waits for it (unknown id, answered before, abandoned)
     */
    public boolean answer(JsonNode response) {
        JsonNode id = response.get("id");
        Pending request = id == null || !(id.isNumber() || id.isTextual()) ? null : pending.remove(id.asText());
        return request != null && request.response().complete(response);
    }
}
