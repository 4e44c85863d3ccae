package io.mxcp.secrets.vault;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.mxcp.sdk.config.HttpUrl;
import io.mxcp.sdk.secrets.SecretResolutionException;

/**
 * Where Vault is and the token to show it, from the user config's {@code vault} block ({@code address},
 * {@code token_env}, default {@code VAULT_TOKEN}) and the environment.
 *
 * @param address Vault's base address, without a trailing slash ({@code https://vault.example.com:8200})
 * @param token   the token read from the environment
 */
record VaultAccess(URI address, String token) {

    static final String DEFAULT_TOKEN_VARIABLE = "VAULT_TOKEN";

    static VaultAccess from(Map<String, Object> settings, UnaryOperator<String> environment)
            throws SecretResolutionException {
        Object address = settings.get("address");
        if (address == null || address.toString().isBlank()) {
            throw new SecretResolutionException("Vault address must be configured when using vault:// URLs");
        }
        Object tokenVariable = settings.get("token_env");
        String variable = tokenVariable == null || tokenVariable.toString().isBlank() ? DEFAULT_TOKEN_VARIABLE
                : tokenVariable.toString();
        String token = environment.apply(variable);
        if (token == null || token.isEmpty()) {
            throw new SecretResolutionException("Vault token not found in environment variable '" + variable + "'");
        }
        String base = address.toString().strip().replaceAll("/+$", "");
        try {
            return new VaultAccess(HttpUrl.parse(base, "vault.address"), token);
        } catch (IllegalArgumentException e) {
            throw new SecretResolutionException("Error connecting to Vault: " + e.getMessage());
        }
    }

    /** The API address of {@code path} ({@code secret/data/myapp/db}), its segments escaped as a path needs. */
    URI api(String path) throws SecretResolutionException {
        try {
            String escaped = new URI(null, null, "/v1/" + path, null).getRawPath();
            return URI.create(address + escaped);
        } catch (URISyntaxException e) {
            throw new SecretResolutionException("Invalid Vault path '" + path + "': " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "VaultAccess[" + address + "]";
    }
}
