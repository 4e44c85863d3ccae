package io.mxcp.mcp.internal.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mxcp.mcp.internal.Sha256;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcErrors;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcException;

/**
 * The {@code requestState} of 2026-07-28 {@code input_required} results (spec 04b §5). The client echoes it, so it
 * is attacker-controlled: each one is signed with HMAC-SHA256 under a key drawn when the server starts, bound to
 * the user, the method, the tool name or URI and a digest of the arguments, expires, and is accepted once.
 * Format: {@code base64url(payload JSON) "." base64url(mac)}.
 */
final class RequestStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * What a state is bound to.
     *
     * @param user      the caller's user name, or null without authentication
     * @param method    {@code tools/call}, {@code prompts/get} or {@code resources/read}
     * @param target    the tool or prompt name, or the resource URI
     * @param arguments the request's arguments (null for none)
     */
    record Binding(String user, String method, String target, JsonNode arguments) {
    }

    private final ObjectMapper mapper;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** Nonces of states already redeemed, until they would have expired anyway. */
    private final Map<String, Long> redeemed = new ConcurrentHashMap<>();

    RequestStates(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC);
    }

    /** A signed state carrying the endpoint's own state (any JSON, or null). */
    String issue(Binding binding, JsonNode endpointState) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ObjectNode payload = mapper.createObjectNode();
        payload.put("n", ENCODER.encodeToString(nonce));
        payload.put("x", clock.millis() + LIFETIME.toMillis());
        payload.put("b", digest(binding));
        if (endpointState != null && !endpointState.isNull()) {
            payload.set("s", endpointState);
        }
        byte[] json = write(payload);
        return ENCODER.encodeToString(json) + "." + ENCODER.encodeToString(mac(json));
    }

    /**
     * Verifies an echoed state and marks it used.
     *
     * @return the endpoint's state it carried (a null node when none)
     * @throws JsonRpcException -32602 when it is malformed, tampered with, bound to another request, expired or
     *                          used before
     */
    JsonNode redeem(String token, Binding binding) throws JsonRpcException {
        int dot = token.indexOf('.');
        byte[] json;
        byte[] signature;
        try {
            json = DECODER.decode(token.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("it is malformed");
        }
        if (dot < 0 || !MessageDigest.isEqual(mac(json), signature)) {
            throw invalid("its signature does not verify");
        }
        JsonNode payload = read(json);
        if (!digest(binding).equals(payload.path("b").asText())) {
            throw invalid("it was issued for another request (user, method, name or arguments differ)");
        }
        long expiry = payload.path("x").asLong();
        long now = clock.millis();
        if (now > expiry) {
            throw invalid("it has expired");
        }
        forgetExpired(now);
        if (redeemed.putIfAbsent(payload.path("n").asText(), expiry) != null) {
            throw invalid("it has been used already");
        }
        return payload.path("s").isMissingNode() ? mapper.nullNode() : payload.get("s");
    }

    private static JsonRpcException invalid(String why) {
        return JsonRpcErrors.invalidParams("Invalid params: requestState is not accepted: " + why);
    }

    private void forgetExpired(long now) {
        for (Iterator<Long> expiries = redeemed.values().iterator(); expiries.hasNext();) {
            if (expiries.next() < now) {
                expiries.remove();
            }
        }
    }

    /** SHA-256 of the binding, with the arguments in a canonical (key-sorted) form. */
    private String digest(Binding binding) {
        ObjectNode bound = mapper.createObjectNode();
        bound.put("u", binding.user()).put("m", binding.method()).put("t", binding.target());
        bound.set("a", canonical(binding.arguments() == null ? mapper.createObjectNode() : binding.arguments()));
        return ENCODER.encodeToString(Sha256.of(write(bound)));
    }

    private JsonNode canonical(JsonNode value) {
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = mapper.createObjectNode();
            names.forEach(name -> sorted.set(name, canonical(value.get(name))));
            return sorted;
        }
        if (value.isArray()) {
            var array = mapper.createArrayNode();
            value.forEach(item -> array.add(canonical(item)));
            return array;
        }
        return value;
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(byte[] json) throws JsonRpcException {
        try {
            return mapper.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw invalid("it is malformed");
        }
    }
}
