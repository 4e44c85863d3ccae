package io.mxcp.auth.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's authorization URL for the user's browser: the dialect's leading parameters, then
 * {@code client_id, redirect_uri, response_type=code, scope, state}, its trailing parameters and, for a provider
 * that takes PKCE, {@code code_challenge, code_challenge_method=S256}, in this order (the original's, byte for byte).
 * {@code scope} is sent empty when none is configured; a query of the configured {@code auth_url} is kept.
 *
 * @param client  the client and the provider's endpoint
 * @param dialect the provider's parameters and whether it takes PKCE
 */
public record AuthorizationUrl(ClientSettings client, Dialect dialect) {

    /** @param codeChallenge the S256 challenge; left out when null or when the provider takes no PKCE */
    public String build(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>(dialect.leadingParameters());
        query.put("client_id", client.clientId());
        query.put("redirect_uri", client.callbackUrl());
        query.put("response_type", "code");
        query.put("scope", client.scope());
        query.put("state", state);
        query.putAll(dialect.trailingParameters());
        if (dialect.pkce() && codeChallenge != null) {
            query.put("code_challenge", codeChallenge);
            query.put("code_challenge_method", "S256");
        }
        String base = client.authUrl().toString();
        return base + (base.contains("?") ? "&" : "?") + FormEncoding.encode(query);
    }
}
