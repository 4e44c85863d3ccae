package io.mxcp.auth.oauth2.salesforce;

import java.util.Map;

import io.mxcp.auth.oauth2.SettingsBlock;
import io.mxcp.auth.oauth2.UserInfoSettings;
import io.mxcp.sdk.auth.AuthException;

/**
 * The {@code auth.salesforce} block of an issuer-mode profile: the keys of every provider block
 * ({@link SettingsBlock}; {@code auth_url} and {@code token_url} normally
 * {@code https://login.salesforce.com/services/oauth2/authorize} and {@code .../token}; {@code scope} default empty)
 * and {@code userinfo_url}: where the user is read. The original always asks
 * {@code https://login.salesforce.com/services/oauth2/userinfo}, also for sandboxes and My Domain logins (reference
 * Q29); ours is that by default and can be set ({@code https://test.salesforce.com/services/oauth2/userinfo},
 * {@code https://MYDOMAIN.my.salesforce.com/services/oauth2/userinfo}).
 */
final class SalesforceSettings {
    static final String DEFAULT_USERINFO_URL = "https://login.salesforce.com/services/oauth2/userinfo";

    private SalesforceSettings() {
    }

    static UserInfoSettings parse(Map<String, Object> settings, String callbackUrl) throws AuthException {
        SettingsBlock block = SettingsBlock.of(settings, SalesforceProvider.DIALECT, "userinfo_url");
        return new UserInfoSettings(block.client(false, callbackUrl),
                block.url("userinfo_url", DEFAULT_USERINFO_URL), SalesforceProvider.PROFILE);
    }
}
