package io.mxcp.mcp.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.auth.BearerGate;
import io.mxcp.sdk.auth.AuthException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * {@code GET /.well-known/oauth-protected-resource[/mcp]} (RFC 9728): the MCP endpoint as a resource, the issuer
 * its tokens come from, the scopes it requires. Public and cacheable; browsers may read it from any origin.
 */
final class ResourceMetadataHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ResourceMetadataHandler.class.getName());
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");

    private final BearerGate gate;
    private final ResourceUrls urls;
    private final HostOriginGuard guard;
    private final ObjectMapper mapper;

    /** @param guard whose Host rule the metadata follows: it names the resource by the Host it was reached at */
    ResourceMetadataHandler(BearerGate gate, ResourceUrls urls, HostOriginGuard guard, ObjectMapper mapper) {
        this.gate = gate;
        this.urls = urls;
        this.guard = guard;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*").put(ALLOW_HEADERS, "mcp-protocol-version");
        if (Methods.OPTIONS.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, OPTIONS");
            exchange.setStatusCode(204);
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, OPTIONS");
            exchange.setStatusCode(405);
            return;
        }
        String refusal = guard.refusal(exchange.getRequestHeaders().getFirst(Headers.HOST), null);
        if (refusal != null) {
            // a name the MCP endpoint refuses (DNS rebinding) is not named as its resource either
            exchange.setStatusCode(403);
            send(exchange, mapper.createObjectNode().put("error", "invalid_request").put("error_description", refusal));
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the issuer may have to be asked
            return;
        }
        String issuer;
        try {
            issuer = gate.issuer();
        } catch (AuthException e) {
            LOG.log(System.Logger.Level.WARNING, "Protected resource metadata not served: " + e.getMessage());
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            send(exchange, mapper.createObjectNode().put("error", "temporarily_unavailable")
                    .put("error_description", "The authorization server cannot be reached; try again later"));
            return;
        }
        ObjectNode metadata = mapper.createObjectNode().put("resource", urls.resource(exchange));
        metadata.putArray("authorization_servers").add(issuer);
        if (!gate.requiredScopes().isEmpty()) {
            ArrayNode scopes = metadata.putArray("scopes_supported");
            gate.requiredScopes().forEach(scopes::add);
        }
        metadata.putArray("bearer_methods_supported").add("header");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=3600");
        send(exchange, metadata);
    }

    private static void send(HttpServerExchange exchange, ObjectNode body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString());
    }
}
