package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;
import java.util.List;

/**
 * A client of the server's authorization server: pre-registered in {@code auth.clients} or registered dynamically
 * (RFC 7591).
 *
 * @param clientId     the client id
 * @param clientSecret the secret, or null for a public client
 * @param authMethod   {@code client_secret_post}, {@code client_secret_basic} or {@code none}
 * @param redirectUris the registered redirect URIs, exactly as registered
 * @param grantTypes   {@code authorization_code} and/or {@code refresh_token}
 * @param scope        the registered scope (space-separated), or null
 * @param clientName   the client's name, or null
 * @param issuedAt     when it was registered
 */
public record OAuthClient(String clientId, String clientSecret, String authMethod, List<String> redirectUris,
        List<String> grantTypes, String scope, String clientName, Instant issuedAt) {

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
    }
}
