package io.mxcp.mcp.internal.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

/** The MCP (syslog) log levels, least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    private static final String NAMES = Arrays.stream(values()).map(LogLevel::wireName)
            .collect(Collectors.joining(", "));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level of that wire name, or null when it names none. */
    public static LogLevel named(String name) {
        for (LogLevel level : values()) {
            if (level.wireName().equals(name)) {
                return level;
            }
        }
        return null;
    }

    /**
     * A level a client sent ({@code logging/setLevel}'s {@code level}, the modern {@code _meta} key).
     *
     * @throws JsonRpcException -32602 naming the member and the accepted levels
     */
    static LogLevel requested(JsonNode value, String member) throws JsonRpcException {
        return requested(value, member, JsonRpcErrors::invalidParams);
    }

    /** The same for a modern request's {@code _meta}, whose invalid values are refused like its others (HTTP 400). */
    static LogLevel requestedInEnvelope(JsonNode value, String member) throws JsonRpcException {
        return requested(value, member, JsonRpcErrors::invalidEnvelope);
    }

    private static LogLevel requested(JsonNode value, String member, Function<String, JsonRpcException> refusal)
            throws JsonRpcException {
        LogLevel level = value != null && value.isTextual() ? named(value.asText()) : null;
        if (level == null) {
            throw refusal.apply("Invalid params: '" + member + "' must be one of " + NAMES + ", got " + value);
        }
        return level;
    }
}
