package io.mxcp.auth.oauth2.github;

import java.util.Map;

import io.mxcp.auth.oauth2.ClientSettings;
import io.mxcp.auth.oauth2.OAuth2Settings;
import io.mxcp.auth.oauth2.OAuthHttp;
import io.mxcp.auth.oauth2.SettingsBlock;
import io.mxcp.auth.oauth2.UserReader;
import io.mxcp.sdk.auth.AuthException;

/**
 * The {@code auth.github} block of an issuer-mode profile: the keys of every provider block ({@link SettingsBlock};
 * {@code auth_url} and {@code token_url} normally {@code https://github.com/login/oauth/authorize} and
 * {@code https://github.com/login/oauth/access_token}; {@code scope} default empty, GitHub then grants public data
 * only) and {@code api_url}: the REST API the user is read from (ours: the original always asks
 * {@code https://api.github.com}); set it for GitHub Enterprise Server ({@code https://HOST/api/v3}) or a test
 * double; default {@code https://api.github.com}.
 *
 * @param client the OAuth app
 * @param apiUrl the REST API's base, without a trailing {@code /}
 */
record GitHubSettings(ClientSettings client, String apiUrl) implements OAuth2Settings {

    static final String DEFAULT_API_URL = "https://api.github.com";

    static GitHubSettings parse(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, GitHubProvider.DIALECT, "api_url");
        String apiUrl = block.baseUrl("api_url", DEFAULT_API_URL);
        return new GitHubSettings(block.client(false, callbackUrl), apiUrl);
    }

    @Override
    public UserReader users(OAuthHttp http) {
        return new GitHubUsers(http, apiUrl);
    }
}
