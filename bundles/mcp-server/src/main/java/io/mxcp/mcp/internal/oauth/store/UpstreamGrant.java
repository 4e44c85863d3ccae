package io.mxcp.mcp.internal.oauth.store;

import java.time.Instant;
import java.util.List;

import io.mxcp.sdk.auth.UserContext;

/**
 * What a login at the upstream provider produced: the user and the provider's tokens.
 *
 * @param user                 the user (its external token is the upstream access token)
 * @param upstreamAccessToken  the provider's access token
 * @param upstreamRefreshToken the provider's refresh token, or null
 * @param upstreamExpiresAt    when the provider's access token expires, or null
 * @param upstreamScopes       the scopes the provider granted
 */
public record UpstreamGrant(UserContext user, String upstreamAccessToken, String upstreamRefreshToken,
        Instant upstreamExpiresAt, List<String> upstreamScopes) {

    public UpstreamGrant {
        upstreamScopes = upstreamScopes == null ? List.of() : List.copyOf(upstreamScopes);
    }
}
