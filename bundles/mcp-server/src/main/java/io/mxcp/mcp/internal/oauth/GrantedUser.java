package io.mxcp.mcp.internal.oauth;

import java.util.List;

import io.mxcp.sdk.auth.UserContext;

/**
 * The user as this server's tokens carry them: with the scopes this server grants (the required scopes, so
 * {@code required_scopes} can be met in issuer mode) and the upstream access token as external token.
 */
final class GrantedUser {

    private GrantedUser() {
    }

    static UserContext of(UserContext upstream, List<String> grantedScopes, String upstreamToken) {
        return new UserContext(upstream.userId(), upstream.username(), upstream.email(), upstream.name(),
                upstream.avatarUrl(), upstream.provider(), grantedScopes, upstreamToken, upstream.rawProfile(),
                List.of());
    }
}
