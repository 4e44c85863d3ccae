package io.mxcp.auth.oidc;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;

/**
 * What an issuer's discovery document says: how to check its tokens (verifier mode) and where to sign users in
 * (issuer mode).
 *
 * @param issuer                       the issuer identifier tokens carry in {@code iss}
 * @param jwksUri                      where its signing keys are, or null
 * @param introspectionEndpoint        RFC 7662 introspection, or null
 * @param userinfoEndpoint             the OIDC user-info endpoint, or null
 * @param authorizationEndpoint        where users sign in, or null
 * @param tokenEndpoint                where codes and refresh tokens are exchanged, or null
 * @param codeChallengeMethods         the PKCE methods it names, or null when the document names none
 */
public record IssuerMetadata(String issuer, URI jwksUri, URI introspectionEndpoint, URI userinfoEndpoint,
        URI authorizationEndpoint, URI tokenEndpoint, List<String> codeChallengeMethods) {

    /**
     * The discovery document at this URL: a 200 JSON object naming an issuer, else {@code server_error} (and
     * {@code temporarily_unavailable} when it cannot be reached).
     */
    public static IssuerMetadata fetch(IssuerHttp http, URI configUrl) throws AuthException {
        IssuerHttp.Answer answer = http.get(configUrl, null);
        if (!answer.okObject()) {
            throw new AuthException("The OIDC discovery document at " + configUrl + " could not be read (HTTP "
                    + answer.status() + (answer.status() == 200 ? ", not a JSON object" : "") + ")");
        }
        return parse(answer.body(), configUrl);
    }

    static IssuerMetadata parse(JsonNode document, URI source) throws AuthException {
        String issuer = document.path("issuer").asText(null);
        if (issuer == null || issuer.isBlank()) {
            throw new AuthException("The OIDC discovery document at " + source + " has no issuer");
        }
        return new IssuerMetadata(issuer, uri(document, "jwks_uri", source),
                uri(document, "introspection_endpoint", source), uri(document, "userinfo_endpoint", source),
                uri(document, "authorization_endpoint", source), uri(document, "token_endpoint", source),
                texts(document.path("code_challenge_methods_supported")));
    }

    /** This document, when it names a way to check tokens (verifier mode). */
    IssuerMetadata requireTokenChecks(URI source) throws AuthException {
        if (jwksUri == null && introspectionEndpoint == null && userinfoEndpoint == null) {
            throw new AuthException("The OIDC discovery document at " + source
                    + " names no jwks_uri, introspection_endpoint or userinfo_endpoint: tokens cannot be checked");
        }
        return this;
    }

    /** This document, when it names the endpoints of a sign-in (issuer mode). */
    public IssuerMetadata requireLoginEndpoints(URI source) throws AuthException {
        List<String> missing = new ArrayList<>();
        if (authorizationEndpoint == null) {
            missing.add("authorization_endpoint");
        }
        if (tokenEndpoint == null) {
            missing.add("token_endpoint");
        }
        if (userinfoEndpoint == null) {
            missing.add("userinfo_endpoint");
        }
        if (!missing.isEmpty()) {
            throw new AuthException("The OIDC discovery document at " + source + " has no "
                    + String.join(", ", missing));
        }
        return this;
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

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        array.forEach(each -> texts.add(each.asText()));
        return List.copyOf(texts);
    }
}
