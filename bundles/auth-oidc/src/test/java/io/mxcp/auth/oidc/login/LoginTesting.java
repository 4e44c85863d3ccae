package io.mxcp.auth.oidc.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.sdk.auth.AuthException;

/** Helpers of the sign-in tests. */
final class LoginTesting {
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoginTesting() {
    }

    /** A settings block of these key/value pairs; a null value removes the key. */
    static Map<String, Object> settings(Map<String, Object> base, Object... pairs) {
        Map<String, Object> settings = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                settings.remove((String) pairs[i]);
            } else {
                settings.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return settings;
    }

    /** A fresh PKCE verifier: 32 random bytes, base64url without padding. */
    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    static String challenge(String verifier) throws Exception {
        return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** An unsigned-looking JWT with these claims (the signature part is garbage: nobody checks it). */
    static String jwt(Map<String, Object> claims) throws Exception {
        return BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims)) + ".c2lnbmF0dXJl";
    }

    static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    /** A local port nothing listens on. */
    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static AuthException refused(String error, int status, Executable call) {
        AuthException e = assertThrows(AuthException.class, call);
        assertEquals(error, e.error(), e::toString);
        assertEquals(status, e.status(), e::toString);
        return e;
    }

    static void assertMentions(Exception e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "'" + e.getMessage() + "' should mention " + word);
        }
    }

    static void assertNotMentioned(Exception e, String... secrets) {
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), () -> "'" + e.getMessage() + "' leaks " + secret);
        }
    }
}
