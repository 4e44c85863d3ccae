package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;

/**
 * The provider's token endpoint: code exchange and refresh as form POSTs with the client credentials in the body
 * (never HTTP Basic), plus the audience when one is configured.
 */
final class TokenEndpoint {
    private final IssuerHttp http;
    private final URI endpoint;
    private final ClientRegistration client;
    private final String audience;
    private final GrantReader reader;

    /** @param audience sent in every token request when not null ({@code oidc}'s {@code audience}) */
    TokenEndpoint(IssuerHttp http, URI endpoint, ClientRegistration client, String audience, GrantReader reader) {
        this.http = http;
        this.endpoint = endpoint;
        this.client = client;
        this.audience = audience;
        this.reader = reader;
    }

    TokenSet exchange(String code, String codeVerifier) throws AuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("redirect_uri", client.redirectUri());
        form.put("code_verifier", codeVerifier);
        form.put("audience", audience);
        return reader.read(http.postForm(endpoint, form), endpoint, "code exchange", client.scopes(), null);
    }

    TokenSet refresh(String refreshToken, List<String> scopes) throws AuthException {
        List<String> previous = scopes == null ? List.of() : scopes;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("refresh_token", refreshToken);
        form.put("scope", previous.isEmpty() ? null : String.join(" ", previous));
        form.put("audience", audience);
        return reader.read(http.postForm(endpoint, form), endpoint, "refresh", previous, refreshToken);
    }
}
