package io.mxcp.secrets.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.sdk.secrets.SecretResolutionException;

class VaultSecretResolverTest {

    private StandInVault vault;
    private VaultSecretResolver resolver;
    private Map<String, Object> settings;

    @BeforeEach
    void start() throws Exception {
        vault = new StandInVault();
        resolver = new VaultSecretResolver(Map.of("VAULT_TOKEN", StandInVault.TOKEN, "OTHER_TOKEN", "wrong")::get);
        settings = Map.of("enabled", true, "address", vault.address() + "/");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private String failure(String reference, Map<String, Object> with) {
        return assertThrows(SecretResolutionException.class, () -> resolver.resolve(reference, with)).getMessage();
    }

    @Test
    void aKeyOfAVersion2SecretIsItsValueAfterTheTokenIsChecked() throws Exception {
        vault.putVersion2("myapp/db", "{\"password\": \"s3cr#t\", \"port\": 5432, \"tls\": {\"mode\": \"full\"}}");
        assertEquals("s3cr#t", resolver.resolve("vault://myapp/db#password", settings));
        assertEquals(List.of("GET /v1/auth/token/lookup-self", "GET /v1/secret/data/myapp/db"), vault.requested);
        assertEquals("5432", resolver.resolve("vault://myapp/db#port", settings));
        assertEquals("{\"mode\":\"full\"}", resolver.resolve("vault://myapp/db#tls", settings));
    }

    @Test
    void aVersion1EngineIsReadWhenVersion2HasNoSuchSecret() throws Exception {
        vault.putVersion1("legacy app/key", "{\"api_key\": \"k-1\"}");
        assertEquals("k-1", resolver.resolve("vault://legacy app/key#api_key", settings));
        assertEquals(List.of("GET /v1/auth/token/lookup-self", "GET /v1/secret/data/legacy%20app/key",
                "GET /v1/secret/legacy%20app/key"), vault.requested);
    }

    @Test
    void whatCannotBeReadIsNamedWithoutTheToken() {
        vault.putVersion2("myapp/db", "{\"password\": \"p\"}");
        assertEquals("Key 'user' not found in Vault secret at path 'myapp/db'", failure("vault://myapp/db#user", settings));
        String missing = failure("vault://nowhere#k", settings);
        assertEquals("Failed to read secret from Vault path 'nowhere': HTTP 404 from GET " + vault.address()
                + "/v1/secret/nowhere", missing);

        Map<String, Object> otherToken = Map.of("address", vault.address(), "token_env", "OTHER_TOKEN");
        assertEquals("Failed to authenticate with Vault", failure("vault://myapp/db#password", otherToken));

        vault.sealed = true;
        String sealed = failure("vault://myapp/db#password", settings);
        assertEquals("Error connecting to Vault: HTTP 503 from GET " + vault.address()
                + "/v1/auth/token/lookup-self: Vault is sealed", sealed);
        assertFalse((missing + sealed).contains(StandInVault.TOKEN));
    }

    @Test
    void aReferenceOrConfigThatCannotWorkIsRefusedBeforeAnyRequest() {
        assertEquals("Vault URL 'vault://myapp/db' must specify a key after '#'. Expected format: "
                + "vault://path/to/secret#key", failure("vault://myapp/db", settings));
        assertEquals("Invalid vault URL format: 'vault://#password'. Expected format: vault://path/to/secret#key",
                failure("vault://#password", settings));
        assertEquals("Vault address must be configured when using vault:// URLs",
                failure("vault://myapp/db#password", Map.of("enabled", true)));
        assertEquals("Error connecting to Vault: vault.address is not an http(s) URL: it has no scheme (write https://…)",
                failure("vault://myapp/db#password", Map.of("address", "vault.internal:8200")));
        assertEquals("Vault token not found in environment variable 'MISSING_TOKEN'",
                failure("vault://myapp/db#password", Map.of("address", vault.address(), "token_env", "MISSING_TOKEN")));
        assertEquals("Vault token not found in environment variable 'VAULT_TOKEN'", assertThrows(
                SecretResolutionException.class, () -> new VaultSecretResolver(name -> null)
                        .resolve("vault://myapp/db#password", settings)).getMessage());
        assertEquals(List.of(), vault.requested);
    }

    @Test
    void aVaultThatCannotBeReachedIsNamedByItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String failure = failure("vault://myapp/db#password", Map.of("address", "http://127.0.0.1:" + closedPort));
        assertEquals("Error connecting to Vault: http://127.0.0.1:" + closedPort + ": connection refused", failure);
        assertEquals("Error connecting to Vault: http://vault.invalid: unknown host",
                failure("vault://myapp/db#password", Map.of("address", "http://vault.invalid")));
    }
}
