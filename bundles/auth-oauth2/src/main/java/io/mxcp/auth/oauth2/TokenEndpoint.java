package io.mxcp.auth.oauth2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;

/**
 * A provider's token endpoint (spec 03 reference §1.3, token requests): a POST with {@code grant_type},
 * {@code client_id} and {@code client_secret} in the body, never as HTTP Basic (the body is what the original sends
 * to every provider), then {@code code, redirect_uri} (and {@code code_verifier} with PKCE) for a code exchange, or
 * {@code refresh_token} (and {@code scope}, the scopes granted before, when there are any) for a refresh.
 *
 * @param http    the client requests are sent with
 * @param client  the client's credentials and the provider's endpoint
 * @param body    how the request's fields are sent
 * @param answers how the answers are read
 */
public record TokenEndpoint(OAuthHttp http, ClientSettings client, Body body, TokenAnswers answers) {
    /** How the request's fields are sent. */
    public enum Body {
        /** {@code application/x-www-form-urlencoded}: most providers. */
        FORM,
        /** A JSON object of strings: Atlassian. */
        JSON
    }

    /** @param codeVerifier the PKCE verifier, or null (then not sent) */
    public TokenSet exchange(String code, String codeVerifier) throws AuthException {
        Map<String, String> fields = credentials("authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", client.callbackUrl());
        fields.put("code_verifier", codeVerifier);
        return answers.read(post(fields), client.configuredScopes(), null);
    }

    /** A provider that does not rotate refresh tokens answers without one: the given one is kept. */
    public TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
        boolean granted = scopes != null && !scopes.isEmpty();
        Map<String, String> fields = credentials("refresh_token");
        fields.put("refresh_token", refreshToken);
        fields.put("scope", granted ? String.join(" ", scopes) : null);
        return answers.read(post(fields), granted ? scopes : client.configuredScopes(), refreshToken);
    }

    private Map<String, String> credentials(String grantType) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", grantType);
        fields.put("client_id", client.clientId());
        fields.put("client_secret", client.clientSecret());
        return fields;
    }

    private OAuthHttp.Answer post(Map<String, String> fields) throws AuthException {
        return body == Body.JSON ? http.postJson(client.tokenUrl(), fields) : http.postForm(client.tokenUrl(), fields);
    }
}
