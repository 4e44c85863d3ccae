package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mxcp.secrets.vault.StandInVault;

/**
 * {@code vault://} references of the user config (spec 01 §1.9) resolved by the distribution's Vault bundle against
 * Vault's HTTP API (a stand-in: no Vault server runs here): a secret's parameter read from a KV version 2 secret
 * reaches DuckDB, and a key the secret does not hold stops the command with the config location and the reason.
 */
class VaultSecretsIT {

    private static final String SECRETS_SQL = "SELECT secret_string FROM duckdb_secrets() WHERE name = 'api'";

    private static StandInVault vault;
    private static Mxcp mxcp;
    private static Path project;

    @BeforeAll
    static void project() throws IOException {
        vault = new StandInVault();
        vault.putVersion2("team/proxy", "{\"url\": \"http://proxy-from-vault:3128\"}");
        Path work = Distribution.freshWorkFolder(VaultSecretsIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = Files.createDirectories(work.resolve("project"));
        Files.writeString(project.resolve("mxcp-site.yml"), "mxcp: 1\nproject: vaulted\nprofile: default\n"
                + "secrets: [api]\n");
    }

    @AfterAll
    static void stop() {
        if (vault != null) {
            vault.close();
        }
        Leftovers.assertNone(mxcp);
    }

    private static CommandResult queryWith(String key) throws IOException {
        Path config = Files.writeString(project.resolve("config-" + key + ".yml"), """
                mxcp: 1
                vault: {enabled: true, address: "%s", token_env: TEAM_VAULT_TOKEN}
                projects:
                  vaulted:
                    profiles:
                      default:
                        secrets:
                          - {name: api, type: http, parameters: {HTTP_PROXY: "vault://team/proxy#%s"}}
                """.formatted(vault.address(), key));
        return mxcp.run(project, Map.of("MXCP_CONFIG", config.toString(), "TEAM_VAULT_TOKEN", StandInVault.TOKEN),
                "query", SECRETS_SQL, "--json-output");
    }

    @Test
    void aSecretParameterIsReadFromVault() throws IOException {
        CommandResult result = queryWith("url");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stdout().contains("http_proxy=http://proxy-from-vault:3128"), result.describe());
    }

    @Test
    void aKeyTheSecretDoesNotHoldStopsTheCommandNamingWhereAndWhy() throws IOException {
        CommandResult result = queryWith("password");
        assertEquals(1, result.exitCode(), result.describe());
        String said = result.stdout() + result.stderr();
        assertTrue(said.contains("projects.vaulted.profiles.default.secrets.0.parameters.HTTP_PROXY: "
                + "Key 'password' not found in Vault secret at path 'team/proxy'"), result.describe());
        assertFalse(said.contains(StandInVault.TOKEN), result.describe());
    }
}
