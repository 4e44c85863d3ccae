package io.mxcp.mcp.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.auth.Verdict;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * A request the gate refused: the status, an OAuth error body, and a {@code WWW-Authenticate} challenge naming the
 * required scopes and where the protected resource metadata is (RFC 6750 §3, RFC 9728 §5.1), so an MCP client can
 * find the authorization server.
 */
final class BearerChallenge {
    private final ObjectMapper mapper;
    private final ResourceUrls urls;
    private final List<String> requiredScopes;

    BearerChallenge(ObjectMapper mapper, ResourceUrls urls, List<String> requiredScopes) {
        this.mapper = mapper;
        this.urls = urls;
        this.requiredScopes = requiredScopes;
    }

    /** Sets the status and headers and returns the body, for the caller to write on the right thread. */
    ByteBuffer prepare(HttpServerExchange exchange, Verdict refusal) {
        List<String> parameters = new ArrayList<>(4);
        if (!refusal.equals(Verdict.AUTHENTICATION_REQUIRED)) {
            // a request without credentials is told no error (RFC 6750 §3.1), only where to get a token
            parameters.add("error=\"" + refusal.error() + "\", error_description=\"" + refusal.description() + "\"");
        }
        if (!requiredScopes.isEmpty()) {
            parameters.add("scope=\"" + String.join(" ", requiredScopes) + "\"");
        }
        parameters.add("resource_metadata=\"" + urls.metadata(exchange) + "\"");
        String challenge = "Bearer " + String.join(", ", parameters);
        ObjectNode body = mapper.createObjectNode().put("error", refusal.error())
                .put("error_description", refusal.description());
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(refusal.status());
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, challenge)
                .put(Headers.CONTENT_TYPE, "application/json").put(Headers.CONTENT_LENGTH, bytes.length)
                .put(Headers.CACHE_CONTROL, "no-store");
        if (refusal.status() == 503) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Refuses on the calling thread. */
    void send(HttpServerExchange exchange, Verdict refusal) {
        HttpReplies.write(exchange, prepare(exchange, refusal));
    }
}
