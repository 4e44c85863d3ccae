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

import io.mxcp.secrets.onepassword.StandInOpCli;
import io.mxcp.secrets.vault.StandInVault;

/**
 * {@code vault://} and {@code op://} references of the user config (spec 01 §1.9) resolved by the distribution's
 * resolver bundles, against stand-ins (no Vault server, no 1Password account here): Vault's HTTP API and the 1Password
 * CLI. A secret's parameter read from either reaches DuckDB; a key the Vault secret does not hold stops the command
 * with the config location and the reason.
 */
class ExternalSecretsIT {

    private static final String SECRETS_SQL = "SELECT secret_string FROM duckdb_secrets() WHERE name = 'api'";

    private static StandInVault vault;
    private static Mxcp mxcp;
    private static Path project;

    @BeforeAll
    static void project() throws IOException {
        vault = new StandInVault();
        vault.putVersion2("team/proxy", "{\"url\": \"http://proxy-from-vault:3128\"}");
        Path work = Distribution.freshWorkFolder(ExternalSecretsIT.class);
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

    @Test
    void aSecretParameterIsReadWithThe1PasswordCli() throws IOException {
        Path cli = Files.createDirectories(project.resolve("op-cli"));
        StandInOpCli.writeInto(cli);
        Path config = Files.writeString(project.resolve("config-op.yml"), """
                mxcp: 1
                onepassword: {enabled: true}
                projects:
                  vaulted:
                    profiles:
                      default:
                        secrets:
                          - {name: api, type: http, parameters: {HTTP_PROXY: "%s"}}
                """.formatted(StandInOpCli.PASSWORD));
        CommandResult result = mxcp.run(project, Map.of("MXCP_CONFIG", config.toString(),
                "OP_SERVICE_ACCOUNT_TOKEN", StandInOpCli.TOKEN, "PATH", cli + ":" + System.getenv("PATH")),
                "query", SECRETS_SQL, "--json-output");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stdout().contains("http_proxy=" + StandInOpCli.PASSWORD_VALUE), result.describe());
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
