package io.mxcp.auth.oauth2.atlassian;

import java.net.URI;
import java.util.Map;

import io.mxcp.auth.oauth2.SettingsBlock;
import io.mxcp.auth.oauth2.UserInfoSettings;
import io.mxcp.sdk.auth.AuthException;

/**
 * The {@code auth.atlassian} block of an issuer-mode profile: the keys of every provider block ({@link SettingsBlock};
 * {@code auth_url} and {@code token_url} normally {@code https://auth.atlassian.com/authorize} and
 * {@code https://auth.atlassian.com/oauth/token}; {@code scope} required, e.g.
 * {@code read:me offline_access read:jira-work}) and {@code api_url}: where {@code /me} is read (ours: the original
 * always asks {@code https://api.atlassian.com}; set it for a test double); default {@code https://api.atlassian.com}.
 */
final class AtlassianSettings {
    static final String DEFAULT_API_URL = "https://api.atlassian.com";

    private AtlassianSettings() {
    }

    /** The block, with {@code <api_url>/me} as user-info endpoint. */
    static UserInfoSettings parse(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, AtlassianProvider.DIALECT, "api_url");
        URI me = URI.create(block.baseUrl("api_url", DEFAULT_API_URL) + "/me");
        return new UserInfoSettings(block.client(true, callbackUrl), me, AtlassianProvider.PROFILE);
    }
}
