package io.mxcp.auth.oauth2;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The keys every provider block has (spec 03 reference §1.3): the OAuth client registered at the provider.
 *
 * @param clientId     the client id
 * @param clientSecret the client secret
 * @param callbackUrl  the server's callback URL (its base URL and {@code callback_path}), registered at the provider
 * @param authUrl      the provider's authorization endpoint
 * @param tokenUrl     the provider's token endpoint
 * @param scope        the configured scope string, as sent to the provider ({@code ""} when not set)
 */
public record ClientSettings(String clientId, String clientSecret, String callbackUrl, URI authUrl, URI tokenUrl,
        String scope) {

    /** The configured scopes: what the provider granted when its answer does not say. */
    public List<String> configuredScopes() {
        return Arrays.stream(scope.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
