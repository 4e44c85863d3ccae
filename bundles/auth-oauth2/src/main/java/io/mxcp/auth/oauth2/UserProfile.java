package io.mxcp.auth.oauth2;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/**
 * The provider's description of the signed-in user: the JSON object its user API answered. The profile decides who
 * the user is, so a refusal, an answer that is not a JSON object or a profile without the user's id refuse the login
 * with {@code invalid_token} (spec 03 reference §1.3); an unreachable provider is {@code temporarily_unavailable}.
 * No upstream body reaches a message.
 */
public final class UserProfile {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final OAuthHttp http;
    private final JsonNode json;

    private UserProfile(OAuthHttp http, JsonNode json) {
        this.http = http;
        this.json = json;
    }

    /** {@code GET uri} with the tokens' access token. */
    public static UserProfile fetch(OAuthHttp http, URI uri, String accept, TokenSet tokens) throws AuthException {
        if (tokens == null || tokens.accessToken() == null || tokens.accessToken().isEmpty()) {
            throw new InvalidTokenException("No " + http.upstream() + " access token to read the user with");
        }
        OAuthHttp.Answer answer = http.get(uri, tokens.accessToken(), accept);
        if (answer.status() != 200) {
            throw new InvalidTokenException(http.upstream() + "'s user API answered HTTP " + answer.status());
        }
        if (!answer.okObject()) {
            throw new InvalidTokenException(http.upstream() + "'s user API answered HTTP 200 without a JSON object");
        }
        return new UserProfile(http, answer.body());
    }

    /**
     * The user's id: a string that is not blank, or an integer's decimal form (as the original's {@code str(id)}).
     *
     * @throws InvalidTokenException {@code "<Provider> profile missing <field>"} without one
     */
    public String id(String field) throws InvalidTokenException {
        JsonNode id = json.get(field);
        if (id != null && (id.isIntegralNumber() || id.isTextual() && !id.asText().isBlank())) {
            return id.asText();
        }
        throw new InvalidTokenException(http.upstream() + " profile missing " + field);
    }

    /** The string at a path of keys separated by {@code .} ({@code photos.picture}), or null when absent or empty. */
    public String text(String path) {
        JsonNode value = json;
        for (String key : path.split("\\.")) {
            value = value.path(key);
        }
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /**
     * The user: the tokens' scopes, their access token as external token and this profile as raw profile.
     *
     * @param provider the provider's name ({@code github}, ...)
     */
    public UserContext user(String provider, TokenSet tokens, String userId, String username, String email,
            String name, String avatarUrl) {
        return new UserContext(userId, username, email, name, avatarUrl, provider, tokens.scopes(),
                tokens.accessToken(), http.mapper().convertValue(json, OBJECT));
    }

    /** The part of an address before its {@code @} (all of it without one), or null when that is empty. */
    public static String localPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        return local.isEmpty() ? null : local;
    }
}
