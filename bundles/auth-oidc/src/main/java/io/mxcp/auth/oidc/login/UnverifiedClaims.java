package io.mxcp.auth.oidc.login;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims of a JWT read WITHOUT checking its signature. Only for tokens this server just received from the
 * provider's token endpoint over TLS: they describe the user, they are never accepted as a credential.
 */
final class UnverifiedClaims {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private UnverifiedClaims() {
    }

    /** The payload of a three-part JWT; empty for null, an opaque token or a payload that is not a JSON object. */
    static Map<String, Object> of(String token) {
        if (token == null) {
            return Map.of();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            Map<String, Object> claims = JSON.readValue(payload, OBJECT);
            return claims == null ? Map.of() : claims;
        } catch (IllegalArgumentException | IOException e) {
            return Map.of();
        }
    }
}
