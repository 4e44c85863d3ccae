package io.mxcp.auth.oauth2.github;

import java.net.URI;

import io.mxcp.auth.oauth2.OAuthHttp;
import io.mxcp.auth.oauth2.UserProfile;
import io.mxcp.auth.oauth2.UserReader;
import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.TokenSet;
import io.mxcp.sdk.auth.UserContext;

/**
 * Reads the signed-in user from GitHub's REST API: {@code GET /user}, and {@code GET /user/emails} when the profile
 * shows no address. The profile decides who the user is, so its failures refuse the login ({@code invalid_token});
 * the address list only adds an e-mail, so its failures leave the e-mail null.
 *
 * <p>{@code user_id} = the decimal form of {@code id}, {@code username} = {@code login} or the id, {@code email},
 * {@code name}, {@code avatar_url}. The raw profile is {@code GET /user}'s answer alone: GitHub's access tokens are
 * opaque and it issues no ID token, so there are no token claims to merge.
 */
final class GitHubUsers implements UserReader {
    private static final String ACCEPT = "application/vnd.github+json";

    private final OAuthHttp http;
    private final URI userUrl;
    private final URI emailsUrl;

    GitHubUsers(OAuthHttp http, String apiUrl) {
        this.http = http;
        this.userUrl = URI.create(apiUrl + "/user");
        this.emailsUrl = URI.create(apiUrl + "/user/emails");
    }

    @Override
    public UserContext user(TokenSet tokens) throws AuthException {
        UserProfile profile = UserProfile.fetch(http, userUrl, ACCEPT, tokens);
        String userId = profile.id("id");
        String login = profile.text("login");
        String email = profile.text("email");
        if (email == null) {
            email = privateEmail(tokens.accessToken());
        }
        return profile.user(GitHubProvider.DIALECT.name(), tokens, userId, login != null ? login : userId, email,
                profile.text("name"), profile.text("avatar_url"));
    }

    private String privateEmail(String accessToken) {
        try {
            OAuthHttp.Answer answer = http.get(emailsUrl, accessToken, ACCEPT);
            return answer.status() == 200 ? EmailChoice.pick(answer.body()) : null;
        } catch (AuthException e) {
            return null;
        }
    }
}
