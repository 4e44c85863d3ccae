package io.mxcp.auth.github;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/**
 * Reads the signed-in user from GitHub's REST API: {@code GET /user}, and {@code GET /user/emails} when the profile
 * shows no address. The profile decides who the user is, so its failures refuse the login ({@code invalid_token});
 * the address list only adds an e-mail, so its failures leave the e-mail null.
 */
final class GitHubUsers {
    static final String PROVIDER = "github";
    private static final TypeReference<Map<String, Object>> PROFILE = new TypeReference<>() { };

    private final GitHubHttp http;
    private final URI userUrl;
    private final URI emailsUrl;

    GitHubUsers(GitHubHttp http, String apiUrl) {
        this.http = http;
        this.userUrl = URI.create(apiUrl + "/user");
        this.emailsUrl = URI.create(apiUrl + "/user/emails");
    }

    UserContext user(TokenSet tokens) throws AuthException {
        if (tokens == null || tokens.accessToken() == null || tokens.accessToken().isEmpty()) {
            throw new InvalidTokenException("No GitHub access token to read the user with");
        }
        GitHubHttp.Answer answer = http.getApi(userUrl, tokens.accessToken());
        if (answer.status() != 200) {
            throw new InvalidTokenException("GitHub's user API answered HTTP " + answer.status());
        }
        if (!answer.okObject()) {
            throw new InvalidTokenException("GitHub's user API answered HTTP 200 without a JSON object");
        }
        JsonNode profile = answer.body();
        String userId = userId(profile.get("id"));
        if (userId == null) {
            throw new InvalidTokenException("GitHub profile missing id");
        }
        String login = text(profile, "login");
        String email = text(profile, "email");
        if (email == null) {
            email = privateEmail(tokens.accessToken());
        }
        return new UserContext(userId, login != null ? login : userId, email, text(profile, "name"),
                text(profile, "avatar_url"), PROVIDER, tokens.scopes(), tokens.accessToken(),
                http.mapper().convertValue(profile, PROFILE));
    }

    /** GitHub's ids are numbers; their decimal form is the user id (as the original's {@code str(id)}). */
    private static String userId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.asText();
        }
        return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private String privateEmail(String accessToken) {
        try {
            GitHubHttp.Answer answer = http.getApi(emailsUrl, accessToken);
            return answer.status() == 200 ? EmailChoice.pick(answer.body()) : null;
        } catch (AuthException e) {
            return null;
        }
    }

    private static String text(JsonNode profile, String field) {
        JsonNode value = profile.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
