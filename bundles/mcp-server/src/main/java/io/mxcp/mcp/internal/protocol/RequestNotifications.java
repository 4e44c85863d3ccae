package io.mxcp.mcp.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;
import io.mxcp.sdk.exec.CallNotifications;

/**
 * An endpoint's progress and log messages for one request, as MCP notifications on the request's channel
 * (spec 04 §5, 04b §6): {@code notifications/progress} only when the request carried {@code _meta.progressToken},
 * with that token and strictly increasing values (a report that does not increase is dropped);
 * {@code notifications/message} only at or above the request's level (modern: {@code _meta} logLevel, none
 * without it; legacy: the connection's {@code logging/setLevel}, everything until it is set).
 */
final class RequestNotifications implements CallNotifications {
    private static final System.Logger LOG = System.getLogger(RequestNotifications.class.getName());

    private final NotificationChannel channel;
    private final JsonNode progressToken;
    private final LogLevel threshold;
    private final ObjectMapper mapper;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    private RequestNotifications(NotificationChannel channel, JsonNode progressToken, LogLevel threshold,
            ObjectMapper mapper) {
        this.channel = channel;
        this.progressToken = progressToken;
        this.threshold = threshold;
        this.mapper = mapper;
    }

    /** The notifications of a request; {@link CallNotifications#none()} when none can or may be sent. */
    static CallNotifications of(ObjectNode params, RequestContext context, ObjectMapper mapper)
            throws JsonRpcException {
        if (context.channel() == NotificationChannel.NONE) {
            return CallNotifications.none();
        }
        JsonNode meta = params.get("_meta");
        JsonNode token = meta == null ? null : meta.get(MetaKeys.PROGRESS_TOKEN);
        if (token != null && !isProgressToken(token)) {
            token = null; // a legacy request's (a modern one's was refused by checkEnvelope)
        }
        LogLevel threshold = threshold(meta, context.modern(), context.legacy());
        if (token == null && threshold == null) {
            return CallNotifications.none();
        }
        return new RequestNotifications(context.channel(), token, threshold, mapper);
    }

    /**
     * A modern request's {@code _meta} members that shape its notifications, checked before it runs even where no
     * notification could be sent, so that an invalid one is always refused as the envelope's other members are
     * (-32602, HTTP 400): the level one of the eight, the progress token a string or a number.
     */
    static void checkEnvelope(JsonNode meta) throws JsonRpcException {
        if (meta == null) {
            return;
        }
        JsonNode token = meta.get(MetaKeys.PROGRESS_TOKEN);
        if (token != null && !isProgressToken(token)) {
            throw JsonRpcErrors.invalidEnvelope("Invalid params: '_meta." + MetaKeys.PROGRESS_TOKEN
                    + "' must be a string or a number, got " + token);
        }
        threshold(meta, true, null);
    }

    /** MCP's {@code ProgressToken}: a string or a number. */
    private static boolean isProgressToken(JsonNode token) {
        return token.isTextual() || token.isNumber();
    }

    /** The lowest level a request receives, or null for none. */
    private static LogLevel threshold(JsonNode meta, boolean modern, LegacyState legacy) throws JsonRpcException {
        if (modern) {
            JsonNode requested = meta == null ? null : meta.get(MetaKeys.LOG_LEVEL);
            return requested == null ? null : LogLevel.requestedInEnvelope(requested, "_meta." + MetaKeys.LOG_LEVEL);
        }
        return legacy == null ? LogLevel.DEBUG : legacy.logLevel().get();
    }

    @Override
    public void progress(double progress, Double total, String message) {
        if (progressToken == null) {
            return;
        }
        synchronized (this) {
            if (!(progress > lastProgress)) {
                return;
            }
            lastProgress = progress;
        }
        ObjectNode params = mapper.createObjectNode();
        params.set("progressToken", progressToken);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        send("notifications/progress", params);
    }

    @Override
    public void log(String level, String logger, Object data) {
        LogLevel parsed = LogLevel.named(level);
        if (parsed == null) {
            LOG.log(System.Logger.Level.DEBUG, "endpoint log level ''{0}'' is not an MCP level; sent as info", level);
            parsed = LogLevel.INFO;
        }
        if (threshold == null || parsed.compareTo(threshold) < 0) {
            return;
        }
        ObjectNode params = mapper.createObjectNode();
        params.put("level", parsed.wireName());
        if (logger != null) {
            params.put("logger", logger);
        }
        params.set("data", mapper.valueToTree(data));
        send("notifications/message", params);
    }

    private void send(String method, ObjectNode params) {
        ObjectNode message = mapper.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", params);
        channel.send(message);
    }
}
