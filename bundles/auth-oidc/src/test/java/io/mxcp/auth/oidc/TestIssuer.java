package io.mxcp.auth.oidc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OIDC issuer on 127.0.0.1: discovery document, a JWK set that can be replaced at run time, and RFC 7662
 * introspection of opaque tokens registered by the test. Counts the requests each path receives.
 */
final class TestIssuer implements AutoCloseable {
    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String JWKS = "/jwks";
    static final String INTROSPECT = "/introspect";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> activeTokens = new ConcurrentHashMap<>();
    private final AtomicInteger discoveryFailures = new AtomicInteger();
    private volatile String keySet = new JWKSet().toString();
    private volatile boolean keySetFails;

    private TestIssuer(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(DISCOVERY, this::discovery);
        server.createContext(JWKS, exchange -> {
            count(exchange);
            if (keySetFails) {
                send(exchange, 500, "{\"error\":\"server_error\"}");
            } else {
                send(exchange, 200, keySet);
            }
        });
        server.createContext(INTROSPECT, this::introspect);
        server.start();
    }

    /** An issuer whose introspection endpoint accepts these client credentials. */
    static TestIssuer start(String clientId, String clientSecret) throws IOException {
        return new TestIssuer(clientId, clientSecret);
    }

    /** The issuer identifier (also the base of every endpoint). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String configUrl() {
        return url() + DISCOVERY;
    }

    /** Serves these keys (public parts only) from now on. */
    void serveKeys(JWK... keys) {
        keySet = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    /** Whether the key set answers HTTP 500. */
    void failKeySet(boolean fails) {
        keySetFails = fails;
    }

    /** The next {@code times} discovery requests answer HTTP 500. */
    void failDiscovery(int times) {
        discoveryFailures.set(times);
    }

    /** Introspection reports this token active, with these fields besides {@code active}. */
    void registerOpaque(String token, Map<String, Object> fields) {
        activeTokens.put(token, fields);
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** Claims the issuer would put in a valid token for this audience, valid for five minutes. */
    JWTClaimsSet.Builder claims(String subject, String audience) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(url()).subject(subject).audience(audience)
                .issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        count(exchange);
        if (discoveryFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 500, "{\"error\":\"temporarily unavailable\"}");
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", url());
        document.put("jwks_uri", url() + JWKS);
        document.put("introspection_endpoint", url() + INTROSPECT);
        send(exchange, 200, json.writeValueAsString(document));
    }

    private void introspect(HttpExchange exchange) throws IOException {
        count(exchange);
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !clientId.equals(form.get("client_id"))
                || !clientSecret.equals(form.get("client_secret"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Object> fields = activeTokens.get(form.getOrDefault("token", ""));
        answer.put("active", fields != null);
        if (fields != null) {
            answer.putAll(fields);
        }
        send(exchange, 200, json.writeValueAsString(answer));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void count(HttpExchange exchange) {
        requests.computeIfAbsent(exchange.getHttpContext().getPath(), p -> new AtomicInteger()).incrementAndGet();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
