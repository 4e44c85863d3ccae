package io.mxcp.secrets.vault;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.sdk.secrets.SecretResolutionException;
import io.mxcp.sdk.secrets.SecretResolver;

/**
 * Resolves {@code vault://<path>#<key>} references of the user config (spec 01 §1.9) from HashiCorp Vault, with
 * the user config's {@code vault} block: {@code address}, and {@code token_env} naming the environment variable of
 * the token ({@code VAULT_TOKEN} by default). The core checks {@code vault.enabled} before asking.
 */
@Component(service = SecretResolver.class)
public final class VaultSecretResolver implements SecretResolver {

    private final UnaryOperator<String> environment;

    @Activate
    public VaultSecretResolver() {
        this(System::getenv);
    }

    VaultSecretResolver(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String scheme() {
        return "vault";
    }

    @Override
    public String resolve(String reference, Map<String, Object> settings) throws SecretResolutionException {
        VaultReference secret = VaultReference.parse(reference);
        JsonNode values;
        try (VaultKv kv = new VaultKv(VaultAccess.from(settings, environment))) {
            values = kv.read(secret.path());
        }
        JsonNode value = values.get(secret.key());
        if (value == null) {
            throw new SecretResolutionException("Key '" + secret.key() + "' not found in Vault secret at path '"
                    + secret.path() + "'");
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
