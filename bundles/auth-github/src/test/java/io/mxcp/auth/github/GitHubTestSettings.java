package io.mxcp.auth.github;

import java.util.HashMap;
import java.util.Map;

/** An {@code auth.github} block pointing at a {@link FakeGitHub}, with changes. */
final class GitHubTestSettings {
    static final String CLIENT_ID = "Iv1.0123456789abcdef";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef01234567";
    static final String CALLBACK_URL = "https://mcp.example.com/github/callback";

    private GitHubTestSettings() {
    }

    /** The block; {@code changes} are key, value pairs, a null value removing the key. */
    static Map<String, Object> block(String baseUrl, Object... changes) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("client_id", CLIENT_ID);
        settings.put("client_secret", CLIENT_SECRET);
        settings.put("scope", "read:user user:email");
        settings.put("callback_path", "/github/callback");
        settings.put("auth_url", baseUrl + FakeGitHub.AUTHORIZE);
        settings.put("token_url", baseUrl + FakeGitHub.TOKEN);
        settings.put("api_url", baseUrl);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                settings.remove((String) changes[i]);
            } else {
                settings.put((String) changes[i], changes[i + 1]);
            }
        }
        return settings;
    }
}
