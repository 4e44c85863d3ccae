package io.mxcp.auth.oauth2;

import java.util.Map;

import io.mxcp.sdk.auth.AuthException;

/** A provider's checked block of settings: the OAuth client and where the user is read. */
public interface OAuth2Settings {

    /** Reads and checks a provider's block ({@link SettingsBlock}). */
    @FunctionalInterface
    interface Reader {
        /**
         * @param settings    the block, or null when the config has none
         * @param callbackUrl the server's callback URL
         * @throws AuthException when the block is unusable; the message names the field
         */
        OAuth2Settings read(Map<String, Object> settings, String callbackUrl) throws AuthException;
    }

    ClientSettings client();

    /** Where the user is read, with the login's HTTP client. */
    UserReader users(OAuthHttp http);
}
