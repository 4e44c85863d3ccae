package io.mxcp.auth.oidc.login;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import io.mxcp.auth.oidc.IssuerHttp;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;

/** The provider's user-info endpoint, asked with the upstream access token as bearer. */
final class UserInfoEndpoint {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final IssuerHttp http;
    private final URI endpoint;

    UserInfoEndpoint(IssuerHttp http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /** The user's profile; {@code invalid_token} unless the endpoint answers 200 with a JSON object. */
    Map<String, Object> profile(String accessToken) throws AuthException {
        IssuerHttp.Answer answer = http.get(endpoint, accessToken);
        if (answer.status() != 200) {
            throw new InvalidTokenException("The user-info endpoint " + endpoint + " answered HTTP " + answer.status());
        }
        if (!answer.okObject()) {
            throw new InvalidTokenException("The user-info endpoint " + endpoint + " did not answer a JSON object");
        }
        return http.mapper().convertValue(answer.body(), OBJECT);
    }
}
