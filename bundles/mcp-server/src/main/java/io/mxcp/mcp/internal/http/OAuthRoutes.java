package io.mxcp.mcp.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.oauth.AuthorizationServer;
import io.mxcp.mcp.internal.oauth.BrowserAnswer;
import io.mxcp.mcp.internal.oauth.ConsentPage;
import io.mxcp.mcp.internal.oauth.OAuthError;
import io.mxcp.mcp.internal.oauth.OAuthPaths;
import io.mxcp.mcp.internal.oauth.Redirect;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * The authorization server's HTTP face (issuer mode): metadata, registration, authorization, the provider's
 * callback, token and revocation. Every route runs on a worker (the token store and the provider are blocking
 * calls); answers that carry tokens are never cached. Browsers may call the metadata, registration, token and
 * revocation routes from any origin; the authorization routes (and the consent page's answer) are navigations and
 * get no CORS headers.
 */
final class OAuthRoutes {
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString PRAGMA = new HttpString("Pragma");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String BASIC = "Basic ";

    private final AuthorizationServer server;
    private final ObjectMapper mapper;

    OAuthRoutes(AuthorizationServer server, ObjectMapper mapper) {
        this.server = server;
        this.mapper = mapper;
    }

    void addTo(PathHandler paths) {
        paths.addExactPath(OAuthPaths.METADATA, route(true, Methods.GET, exchange -> {
            // the metadata is the same for everyone and for an hour: the route's no-store answers are the others'
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=3600").remove(PRAGMA);
            sendJson(exchange, 200, server.metadata());
        }));
        paths.addExactPath(OAuthPaths.REGISTER, route(true, Methods.POST, exchange ->
                sendJson(exchange, 201, server.register(json(exchange)))));
        paths.addExactPath(OAuthPaths.AUTHORIZE, route(false, null, exchange ->
                answer(exchange, server.authorize(Methods.POST.equals(exchange.getRequestMethod())
                        ? form(exchange) : query(exchange)))));
        paths.addExactPath(OAuthPaths.CONSENT, route(false, Methods.POST, exchange ->
                answer(exchange, server.consent(form(exchange), bindingCookie(exchange)))));
        paths.addExactPath(server.callbackPath(), route(false, Methods.GET, exchange ->
                answer(exchange, server.callback(query(exchange), bindingCookie(exchange)))));
        paths.addExactPath(OAuthPaths.TOKEN, route(true, Methods.POST, exchange ->
                sendJson(exchange, 200, server.token(form(exchange), authorization(exchange)))));
        paths.addExactPath(OAuthPaths.REVOKE, route(true, Methods.POST, exchange -> {
            server.revoke(form(exchange), authorization(exchange));
            exchange.setStatusCode(200);
        }));
    }

    /** One route's work, which may fail with an OAuth error. */
    private interface Work {
        void run(HttpServerExchange exchange) throws OAuthError, OAuthStoreException, IOException;
    }

    /**
     * @param cors   whether browsers may call it from any origin
     * @param method the one method it takes besides OPTIONS, or null for GET and POST
     */
    private HttpHandler route(boolean cors, HttpString method, Work work) {
        HttpHandler handler = exchange -> {
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store").put(PRAGMA, "no-cache");
            if (cors) {
                exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*")
                        .put(ALLOW_HEADERS, "authorization, content-type, mcp-protocol-version")
                        .put(ALLOW_METHODS, (method == null ? "GET, POST" : method.toString()) + ", OPTIONS");
            }
            HttpString requested = exchange.getRequestMethod();
            if (cors && Methods.OPTIONS.equals(requested)) {
                exchange.setStatusCode(204);
                return;
            }
            boolean allowed = method == null ? Methods.GET.equals(requested) || Methods.POST.equals(requested)
                    : method.equals(requested);
            if (!allowed) {
                exchange.getResponseHeaders().put(Headers.ALLOW, method == null ? "GET, POST" : method.toString());
                sendJson(exchange, 405, error("invalid_request", "Method not allowed: " + requested));
                return;
            }
            try {
                work.run(exchange);
            } catch (OAuthError e) {
                if (e.status() == 401 && "invalid_client".equals(e.error()) && BASIC.regionMatches(true, 0,
                        String.valueOf(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION)), 0, 6)) {
                    // RFC 6749 §5.2: a client that authenticated with the Authorization header is challenged there
                    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Basic realm=\"mxcp\"");
                }
                sendJson(exchange, e.status(), error(e.error(), e.description()));
            } catch (OAuthStoreException e) {
                System.getLogger(OAuthRoutes.class.getName()).log(System.Logger.Level.ERROR,
                        "OAuth token store failed: " + e.getMessage(), e);
                sendJson(exchange, 503, error("temporarily_unavailable", "The token store cannot be used now"));
            }
        };
        return exchange -> exchange.dispatch(handler);
    }

    private ObjectNode error(String error, String description) {
        ObjectNode body = mapper.createObjectNode().put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return body;
    }

    private void sendJson(HttpServerExchange exchange, int status, JsonNode body) {
        exchange.setStatusCode(status);
        if (status == 503) {
            // the provider or the token store cannot answer now: when to try again, as /mcp's 503s say
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString());
    }

    /** A redirect, or the consent page: its cookie, and never inside a frame (clickjacking). */
    private static void answer(HttpServerExchange exchange, BrowserAnswer answer) {
        switch (answer) {
            case Redirect redirect -> {
                exchange.setStatusCode(redirect.status());
                exchange.getResponseHeaders().put(Headers.LOCATION, redirect.location());
                exchange.endExchange();
            }
            case ConsentPage page -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8")
                        .put(Headers.SET_COOKIE, page.setCookie()).put(FRAME_OPTIONS, "DENY")
                        .put(CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; "
                                + "frame-ancestors 'none'");
                exchange.getResponseSender().send(page.html());
            }
        }
    }

    private String bindingCookie(HttpServerExchange exchange) {
        io.undertow.server.handlers.Cookie cookie = exchange.getRequestCookie(server.bindingCookieName());
        return cookie == null ? null : cookie.getValue();
    }

    private static String authorization(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    }

    private static Map<String, String> query(HttpServerExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Deque<String>> parameter : exchange.getQueryParameters().entrySet()) {
            parameters.put(parameter.getKey(), parameter.getValue().peekFirst());
        }
        return parameters;
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    private static Map<String, String> form(HttpServerExchange exchange) throws IOException, OAuthError {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            throw badRequest("the body must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body(exchange).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (form.putIfAbsent(name, value) != null) {
                throw badRequest("parameter " + name + " is repeated");
            }
        }
        return form;
    }

    private JsonNode json(HttpServerExchange exchange) throws IOException, OAuthError {
        try {
            return mapper.readTree(body(exchange));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OAuthError(400, "invalid_client_metadata", "the body is not JSON");
        }
    }

    private static String body(HttpServerExchange exchange) throws IOException, OAuthError {
        if (exchange.getRequestContentLength() > MAX_BODY_BYTES) {
            throw tooLarge(exchange);
        }
        exchange.startBlocking();
        InputStream in = exchange.getInputStream();
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge(exchange);
        }
        in.close();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * 413 for a body over the limit. The rest of it is not read: the connection ends with the answer (closing the
     * stream would read on to the end, and past Undertow's own limit fail the exchange with an empty 500).
     */
    private static OAuthError tooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        return new OAuthError(413, "invalid_request", "the body exceeds " + MAX_BODY_BYTES + " bytes");
    }

    private static String decode(String text) throws OAuthError {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badRequest("malformed form encoding");
        }
    }

    private static OAuthError badRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }
}
