package io.mxcp.auth.oidc.login;

import java.util.Arrays;
import java.util.List;

import io.mxcp.sdk.auth.AuthException;

/**
 * This server as a client of the provider: the keys every provider block has.
 *
 * @param clientId     the client id at the provider
 * @param clientSecret the client secret (sent in token request bodies, never as HTTP Basic)
 * @param redirectUri  the callback URL, sent as {@code redirect_uri} at authorize and at code exchange
 * @param scope        the configured scope string, sent as is to the provider (may be empty)
 */
record ClientRegistration(String clientId, String clientSecret, String redirectUri, String scope) {

    /**
     * The common keys of a block; {@code callback_path} must be present (the server made the callback URL of it).
     *
     * @param scopeRequired whether the provider needs a {@code scope} (an absent optional one is empty)
     */
    static ClientRegistration read(SettingsBlock block, String callbackUrl, boolean scopeRequired)
            throws AuthException {
        String clientId = block.required("client_id");
        String clientSecret = block.required("client_secret");
        block.required("callback_path");
        String scope = scopeRequired ? block.required("scope") : block.optional("scope");
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new AuthException("No callback URL for " + block.path("callback_path"));
        }
        return new ClientRegistration(clientId, clientSecret, callbackUrl, scope == null ? "" : scope);
    }

    /** The configured scopes: the scope string split on whitespace. */
    List<String> scopes() {
        return Arrays.stream(scope.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
