package io.mxcp.auth.oauth2.github;

import java.util.Map;

import io.mxcp.auth.oauth2.FakeUpstream;

/** An {@code auth.github} block pointing at a {@link FakeUpstream} playing GitHub, with changes. */
final class GitHubTestSettings {
    static final String AUTHORIZE = "/login/oauth/authorize";
    static final String TOKEN = "/login/oauth/access_token";
    static final String USER = "/user";
    static final String EMAILS = "/user/emails";
    static final String CLIENT_ID = "Iv1.0123456789abcdef";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef01234567";
    static final String CALLBACK_URL = "https://mcp.example.com/github/callback";

    private GitHubTestSettings() {
    }

    /** The block; {@code changes} are key, value pairs, a null value removing the key. */
    static Map<String, Object> block(String baseUrl, Object... changes) {
        return FakeUpstream.changed(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope",
                "read:user user:email", "callback_path", "/github/callback", "auth_url", baseUrl + AUTHORIZE,
                "token_url", baseUrl + TOKEN, "api_url", baseUrl), changes);
    }
}
