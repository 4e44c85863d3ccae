package io.mxcp.auth.oauth2;

import java.net.URI;

/**
 * The settings of a provider whose user is read from one user-info endpoint ({@link UserInfoEndpoint}).
 *
 * @param client      the OAuth client
 * @param userInfoUrl the user-info endpoint
 * @param mapping     where its answer keeps the user's fields
 */
public record UserInfoSettings(ClientSettings client, URI userInfoUrl, UserInfoEndpoint.Mapping mapping)
        implements OAuth2Settings {

    @Override
    public UserReader users(OAuthHttp http) {
        return new UserInfoEndpoint(http, userInfoUrl, mapping);
    }
}
