package io.mxcp.mcp.internal.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import io.mxcp.mcp.internal.oauth.store.OAuthClient;
import io.mxcp.mcp.internal.oauth.store.OAuthStore;
import io.mxcp.mcp.internal.oauth.store.OAuthStoreException;

/**
 * Who calls {@code /token} and {@code /revoke}: {@code client_id} from the form or HTTP Basic; a client with a
 * secret must present it (form or Basic, compared in constant time), a public client none.
 */
final class ClientAuthentication {
    private final OAuthStore store;

    ClientAuthentication(OAuthStore store) {
        this.store = store;
    }

    OAuthClient authenticate(Map<String, String> form, String authorization) throws OAuthError, OAuthStoreException {
        String basicId = null;
        String basicSecret = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6).trim());
            basicId = pair[0];
            basicSecret = pair[1];
        }
        String formId = form.get("client_id");
        if (basicId != null && formId != null && !basicId.equals(formId)) {
            throw unauthorized("client_id does not match the Basic authentication");
        }
        String clientId = basicId != null ? basicId : formId;
        if (clientId == null || clientId.isBlank()) {
            throw unauthorized("Missing client_id");
        }
        OAuthClient client = store.client(clientId);
        if (client == null) {
            throw unauthorized("Invalid client_id");
        }
        if (client.clientSecret() != null) {
            String presented = basicSecret != null ? basicSecret : form.get("client_secret");
            if (presented == null) {
                throw unauthorized("Client secret is required");
            }
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
                throw unauthorized("Invalid client_secret");
            }
        }
        return client;
    }

    private static String[] decodeBasic(String encoded) throws OAuthError {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw unauthorized("Missing or invalid Basic authentication in Authorization header");
        }
    }

    /** RFC 6749 §5.2's code for a client that failed to authenticate (the original answers unauthorized_client). */
    private static OAuthError unauthorized(String description) {
        return new OAuthError(401, "invalid_client", description);
    }
}
