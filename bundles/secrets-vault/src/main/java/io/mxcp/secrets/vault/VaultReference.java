package io.mxcp.secrets.vault;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mxcp.sdk.secrets.SecretResolutionException;

/**
 * A {@code vault://<path>#<key>} reference (spec 01 §1.9): the secret's path in the KV engine and the key of the
 * value within it.
 *
 * @param path the secret's path, as written ({@code myapp/db})
 * @param key  the key within the secret ({@code password})
 */
record VaultReference(String path, String key) {

    private static final Pattern FORM = Pattern.compile("vault://([^#]+)(?:#(.+))?", Pattern.DOTALL);
    private static final String EXPECTED = "Expected format: vault://path/to/secret#key";

    static VaultReference parse(String reference) throws SecretResolutionException {
        Matcher parts = FORM.matcher(reference);
        if (!parts.lookingAt()) {
            throw new SecretResolutionException("Invalid vault URL format: '" + reference + "'. " + EXPECTED);
        }
        if (parts.group(2) == null) {
            throw new SecretResolutionException("Vault URL '" + reference + "' must specify a key after '#'. "
                    + EXPECTED);
        }
        return new VaultReference(parts.group(1), parts.group(2));
    }
}
