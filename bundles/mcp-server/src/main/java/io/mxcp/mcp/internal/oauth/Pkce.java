package io.mxcp.mcp.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import io.mxcp.mcp.internal.Sha256;

/** PKCE with S256 (RFC 7636), the only method accepted. */
final class Pkce {

    private Pkce() {
    }

    /** base64url(SHA-256(verifier)) without padding. */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Sha256.of(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether the verifier matches the challenge, compared in constant time. */
    static boolean matches(String verifier, String challenge) {
        return MessageDigest.isEqual(challenge(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** A fresh verifier: 32 random bytes, base64url. */
    static String newVerifier() {
        return Randoms.urlSafe(32);
    }
}
