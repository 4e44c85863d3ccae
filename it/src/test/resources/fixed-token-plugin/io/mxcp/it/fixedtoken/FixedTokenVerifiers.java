package io.mxcp.it.fixedtoken;

import java.util.List;
import java.util.Map;

import io.mxcp.sdk.auth.AuthException;
import io.mxcp.sdk.auth.InvalidTokenException;
import io.mxcp.sdk.auth.TokenVerifier;
import io.mxcp.sdk.auth.TokenVerifierProvider;
import io.mxcp.sdk.auth.UserContext;

/**
 * A third-party auth plugin as an operator would write one: provider {@code fixed-token}, which accepts the one
 * bearer token of its block ({@code auth.fixed-token.token}) as the block's {@code username}.
 */
public final class FixedTokenVerifiers implements TokenVerifierProvider {

    @Override
    public String providerName() {
        return "fixed-token";
    }

    @Override
    public TokenVerifier open(Map<String, Object> settings) throws AuthException {
        if (!(settings.get("token") instanceof String token) || token.isEmpty()) {
            throw new AuthException("auth.fixed-token.token: required, a non-empty string");
        }
        String username = String.valueOf(settings.getOrDefault("username", "fixed-user"));
        return new TokenVerifier() {
            @Override
            public UserContext verify(String presented) throws AuthException {
                if (!token.equals(presented)) {
                    throw new InvalidTokenException("Not the configured token");
                }
                return new UserContext(username, username, username + "@example.com", null, null, "fixed-token",
                        List.of("mcp.read"), null, Map.of("sub", username));
            }

            @Override
            public String issuer() {
                return "https://issuer.example.com";
            }

            @Override
            public void close() {
            }
        };
    }
}
