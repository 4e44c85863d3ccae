package io.mxcp.mcp.internal.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable values: codes, tokens, states, verifiers, client secrets. */
final class Randoms {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** URL-safe base64 without padding. */
    static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
