package io.mxcp.mcp.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.mxcp.mcp.internal.Sha256;

/**
 * Ties an authorization request of a dynamically registered client to the browser that made it: a random cookie
 * whose hash the request keeps, which the consent and the provider's callback must bring back. Without it, anyone
 * could start a request for their own client and send a victim to the provider's page (which signs a returning user
 * in without asking), and the code would go to the attacker's redirect URI.
 */
final class BrowserBinding {
    private final String cookieName;
    private final boolean secure;

    /** @param secure whether the server is reached over https: the cookie is then {@code __Host-} and Secure */
    BrowserBinding(boolean secure) {
        this.secure = secure;
        this.cookieName = secure ? "__Host-mxcp-authorize" : "mxcp-authorize";
    }

    String cookieName() {
        return cookieName;
    }

    static String newValue() {
        return Randoms.urlSafe(32);
    }

    static String hash(String value) {
        return Sha256.hex(value);
    }

    /** Whether the browser's cookie is the one the request was bound to; a request without binding needs none. */
    static boolean matches(String binding, String cookieValue) {
        return binding == null || cookieValue != null && MessageDigest.isEqual(
                binding.getBytes(StandardCharsets.US_ASCII), hash(cookieValue).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code Set-Cookie} value: not readable by scripts, not sent on cross-site POSTs, gone in 10 minutes. */
    String setCookie(String value) {
        return cookieName + "=" + value + "; Path=/; Max-Age=600; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
