package io.mxcp.auth.oidc;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;

/**
 * Checks an opaque token at the issuer's RFC 7662 introspection endpoint with this resource's client credentials:
 * accepted when {@code active} is true, not expired, and (when the answer names an audience) meant for this
 * resource.
 */
final class TokenIntrospection {
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() { };

    private final IssuerHttp http;
    private final OidcVerifierSettings settings;
    private final String audience;

    TokenIntrospection(IssuerHttp http, OidcVerifierSettings settings, String audience) {
        this.http = http;
        this.settings = settings;
        this.audience = audience;
    }

    Map<String, Object> claims(URI endpoint, String token, long nowEpochSeconds) throws AuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", "access_token");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        IssuerHttp.Answer answer = http.postForm(endpoint, form);
        if (!answer.okObject()) {
            throw new AuthException("The OIDC issuer's introspection endpoint " + endpoint + " answered HTTP "
                    + answer.status() + " (check auth.oidc.client_id and client_secret)");
        }
        JsonNode body = answer.body();
        if (!body.path("active").asBoolean(false)) {
            throw new InvalidTokenException("The issuer reports the token inactive");
        }
        if (body.path("exp").isNumber() && body.path("exp").asLong() <= nowEpochSeconds) {
            throw new InvalidTokenException("The token expired");
        }
        JsonNode aud = body.path("aud");
        if (!aud.isMissingNode() && !aud.isNull() && !names(aud, audience)) {
            throw new InvalidTokenException("The token is meant for another audience: " + aud);
        }
        return http.mapper().convertValue(body, CLAIMS);
    }

    private static boolean names(JsonNode aud, String audience) {
        if (aud.isArray()) {
            for (JsonNode each : aud) {
                if (audience.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }
}
