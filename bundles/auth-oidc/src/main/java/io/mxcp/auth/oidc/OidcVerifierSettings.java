package io.mxcp.auth.oidc;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.config.HttpUrl;

/**
 * The {@code auth.oidc} block of a verifier-mode profile.
 *
 * @param configUrl    the issuer's discovery document ({@code .../.well-known/openid-configuration})
 * @param clientId     this resource's client id at the issuer; the audience when none is set
 * @param clientSecret the client secret, for token introspection; null when not given
 * @param scopes       the configured scopes (must include {@code openid} when given)
 * @param audience     the audience a token must name, or null when it is the client id
 * @param providerName the provider name users get ({@code oidc} by default)
 */
record OidcVerifierSettings(URI configUrl, String clientId, String clientSecret, List<String> scopes, String audience,
        String providerName) {

    private static final String BLOCK = "auth.oidc";
    private static final Set<String> FIELDS = Set.of("config_url", "client_id", "client_secret", "scope", "audience",
            "provider_name", "claim_mappings");

    static OidcVerifierSettings parse(Map<String, Object> settings) throws AuthException {
        if (settings == null) {
            throw new AuthException("OIDC verifier selected but no OIDC configuration found (auth.oidc)");
        }
        for (String key : settings.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new AuthException(BLOCK + "." + key + ": unknown field in verifier mode (allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        URI configUrl = url(required(settings, "config_url"));
        String clientId = required(settings, "client_id");
        String scope = optional(settings, "scope");
        List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        if (scope != null && !scopes.contains("openid")) {
            throw new AuthException("OIDC scope must include 'openid' (" + BLOCK + ".scope)");
        }
        String providerName = optional(settings, "provider_name");
        return new OidcVerifierSettings(configUrl, clientId, optional(settings, "client_secret"), scopes,
                optional(settings, "audience"), providerName == null ? "oidc" : providerName);
    }

    private static String required(Map<String, Object> settings, String key) throws AuthException {
        String value = optional(settings, key);
        if (value == null || value.isBlank()) {
            throw new AuthException(BLOCK + "." + key + " is required in verifier mode");
        }
        return value;
    }

    private static String optional(Map<String, Object> settings, String key) throws AuthException {
        Object value = settings.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            // the type only: the value may be a secret
            throw new AuthException(BLOCK + "." + key + " must be a string, got a " + value.getClass().getSimpleName());
        }
        return text;
    }

    private static URI url(String text) throws AuthException {
        try {
            return HttpUrl.parse(text, BLOCK + ".config_url");
        } catch (IllegalArgumentException e) {
            throw new AuthException(e.getMessage());
        }
    }
}
