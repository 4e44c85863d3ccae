package io.mxcp.sdk.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authenticated caller of an endpoint, as an auth provider (or the CLI's {@code --user-context})
 * describes it. Policies see {@link #rawProfile()}; SQL sees username, email, provider and token.
 *
 * @param userId        stable identifier at the provider
 * @param username      login name, or null
 * @param email         e-mail address, or null
 * @param name          display name, or null
 * @param avatarUrl     picture URL, or null
 * @param provider      provider name ({@code github}, {@code oidc}, {@code cli}, ...)
 * @param scopes        granted scopes (empty when unknown)
 * @param externalToken the upstream access token, or null
 * @param rawProfile    the provider's user profile as received
 * @param capabilities  what the user may do, as policies see it ({@code user.capabilities}): those a verifier
 *                      gives, and those the server's claim mappings grant added to them; empty when neither gives
 *                      any (since 2.0)
 */
public record UserContext(
        String userId,
        String username,
        String email,
        String name,
        String avatarUrl,
        String provider,
        List<String> scopes,
        String externalToken,
        Map<String, Object> rawProfile,
        List<String> capabilities) {

    public UserContext {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        rawProfile = rawProfile == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rawProfile));
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** A user without capabilities. */
    public UserContext(String userId, String username, String email, String name, String avatarUrl, String provider,
            List<String> scopes, String externalToken, Map<String, Object> rawProfile) {
        this(userId, username, email, name, avatarUrl, provider, scopes, externalToken, rawProfile, List.of());
    }

    /**
     * This user with the capabilities given.
     *
     * @since 2.0
     */
    public UserContext withCapabilities(List<String> granted) {
        return new UserContext(userId, username, email, name, avatarUrl, provider, scopes, externalToken, rawProfile,
                granted);
    }
}
