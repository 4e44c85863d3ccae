package io.mxcp.auth.oidc;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;

/**
 * What the issuer's discovery document says about checking its tokens.
 *
 * @param issuer                the issuer identifier tokens carry in {@code iss}
 * @param jwksUri               where its signing keys are, or null
 * @param introspectionEndpoint RFC 7662 introspection, or null
 * @param userinfoEndpoint      the OIDC user-info endpoint, or null
 */
record IssuerMetadata(String issuer, URI jwksUri, URI introspectionEndpoint, URI userinfoEndpoint) {

    static IssuerMetadata from(JsonNode document, URI source) throws AuthException {
        String issuer = document.path("issuer").asText(null);
        if (issuer == null || issuer.isBlank()) {
            throw new AuthException("The OIDC discovery document at " + source + " has no issuer");
        }
        IssuerMetadata metadata = new IssuerMetadata(issuer, uri(document, "jwks_uri", source),
                uri(document, "introspection_endpoint", source), uri(document, "userinfo_endpoint", source));
        if (metadata.jwksUri == null && metadata.introspectionEndpoint == null && metadata.userinfoEndpoint == null) {
            throw new AuthException("The OIDC discovery document at " + source
                    + " names no jwks_uri, introspection_endpoint or userinfo_endpoint: tokens cannot be checked");
        }
        return metadata;
    }

    private static URI uri(JsonNode document, String field, URI source) throws AuthException {
        String text = document.path(field).asText(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new AuthException("The OIDC discovery document at " + source + " has a malformed " + field + ": "
                    + text);
        }
    }
}
