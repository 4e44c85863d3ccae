package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code mxcp dbt-config} and {@code mxcp dbt} (spec 01 §7) through the distribution: the files written for dbt,
 * and dbt (a stand-in script on the PATH) run with the arguments and the profile's secrets.
 */
class DbtIT {

    private static Path work;
    private static Mxcp mxcp;
    private static Path project;
    private static Path fakeBin;

    @BeforeAll
    static void project() throws IOException {
        work = Distribution.freshWorkFolder(DbtIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = Files.createDirectories(work.resolve("covid-owid"));
        Files.writeString(project.resolve("mxcp-site.yml"), """
                mxcp: 1
                project: covid-owid
                profile: dev
                dbt: {model_paths: [transform]}
                """);
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                projects:
                  covid-owid:
                    profiles:
                      dev:
                        secrets:
                          - name: owid
                            type: http
                            parameters:
                              BEARER_TOKEN: "${OWID_TOKEN}"
                              EXTRA_HTTP_HEADERS: {X-Team: data}
                          - name: jira
                            type: python
                            parameters: {TOKEN: j1}
                """);
        fakeBin = Files.createDirectories(work.resolve("fake-bin"));
        Path dbt = fakeBin.resolve("dbt");
        Files.writeString(dbt, """
                #!/bin/sh
                echo "dbt args: $*"
                env | grep '^MXCP_SECRET_' | sort
                exit ${FAKE_DBT_EXIT:-0}
                """);
        Files.setPosixFilePermissions(dbt, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void dbtConfigWritesTheProfileAndTheProjectFileAndUpdatesThemOnlyWithForce() throws IOException {
        Path profiles = work.resolve(".dbt/profiles.yml");
        CommandResult dryRun = mxcp.run(project, environment(0), "dbt-config", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun::describe);
        assertTrue(dryRun.stdout().contains("DRY RUN MODE"), dryRun::describe);
        assertTrue(dryRun.stdout().contains("covid_owid_dev:"), dryRun::describe);
        assertFalse(Files.exists(profiles), "a dry run writes nothing");
        assertFalse(Files.exists(project.resolve("dbt_project.yml")), "a dry run writes nothing");

        CommandResult written = mxcp.run(project, environment(0), "dbt-config");
        assertEquals(0, written.exitCode(), written::describe);
        assertTrue(written.stdout().contains("✅ dbt configuration complete!"), written::describe);
        assertTrue(written.stdout().contains("Not in profiles.yml (DuckDB has no secret of their type): jira"),
                written::describe);
        JsonNode target = new YAMLMapper().readTree(profiles.toFile()).path("covid_owid_dev");
        assertEquals("dev", target.path("target").asText());
        JsonNode output = target.path("outputs").path("dev");
        assertEquals("duckdb", output.path("type").asText());
        assertEquals(project.resolve("data/db-dev.duckdb").toString(), output.path("path").asText());
        assertEquals("{{ env_var(\"MXCP_SECRET_OWID_BEARER_TOKEN\") }}",
                output.path("secrets").path(0).path("bearer_token").asText(), "no secret value on disk");
        JsonNode dbtProject = new YAMLMapper().readTree(project.resolve("dbt_project.yml").toFile());
        assertEquals("covid_owid", dbtProject.path("name").asText());
        assertEquals("covid_owid_dev", dbtProject.path("profile").asText());
        assertEquals("transform", dbtProject.path("model-paths").path(0).asText());

        CommandResult again = mxcp.run(project, environment(0), "dbt-config");
        assertEquals(1, again.exitCode(), again::describe);
        assertTrue(again.stderr().contains("Profile 'covid_owid_dev' already exists. Use --force to update configuration."),
                again::describe);
        CommandResult embedWithoutForce = mxcp.run(project, environment(0), "dbt-config", "--embed-secrets");
        assertTrue(embedWithoutForce.stderr().contains("--embed-secrets requires --force"), embedWithoutForce::describe);
        CommandResult embedded = mxcp.run(project, environment(0), "dbt-config", "--force", "--embed-secrets");
        assertEquals(0, embedded.exitCode(), embedded::describe);
        assertEquals("{{ 's3cr3t' }}", new YAMLMapper().readTree(profiles.toFile())
                .at("/covid_owid_dev/outputs/dev/secrets/0/bearer_token").asText(), "a Jinja string dbt renders");
        assertEquals("[rw-------]", "[" + PosixFilePermissions.toString(
                Files.getPosixFilePermissions(profiles)) + "]", "a new profiles.yml is its owner's only");
    }

    @Test
    void dbtRunsWithItsArgumentsAndTheSecretsAndExitsWithItsCode() {
        CommandResult run = mxcp.run(project, environment(0), "dbt", "run", "--select", "cases", "-x", "--profile", "dev");
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("dbt args: run --select cases -x\n"), run::describe);
        assertTrue(run.stdout().contains("MXCP_SECRET_OWID_BEARER_TOKEN=s3cr3t\n"), run::describe);
        assertTrue(run.stdout().contains("MXCP_SECRET_OWID_EXTRA_HTTP_HEADERS_X_TEAM=data\n"), run::describe);
        assertTrue(run.stdout().contains("MXCP_SECRET_JIRA_TOKEN=j1\n"), "every secret reaches dbt's environment");
        assertTrue(run.stdout().contains("✅ dbt command completed successfully!"), run::describe);

        CommandResult version = mxcp.run(project, environment(0), "dbt", "--version", "-h");
        assertTrue(version.stdout().contains("dbt args: --version -h\n"), "dbt's own options: " + version.describe());

        CommandResult failed = mxcp.run(project, environment(3), "dbt", "test");
        assertEquals(3, failed.exitCode(), failed::describe);
        assertTrue(failed.stdout().contains("❌ dbt command failed with exit code: 3"), failed::describe);
    }

    @Test
    void dbtNeedsTheIntegrationAndTheProgram() throws IOException {
        CommandResult missing = mxcp.run(project, Map.of("PATH", "/usr/bin:/bin", "OWID_TOKEN", "x"), "dbt", "run");
        assertEquals(1, missing.exitCode(), missing::describe);
        assertTrue(missing.stderr().contains("dbt CLI is not installed. Please install dbt-core and dbt-duckdb."),
                missing::describe);
        assertTrue(missing.stdout().contains("❌ dbt CLI is not installed."), missing::describe);

        Path disabled = Files.createDirectories(work.resolve("no-dbt"));
        Files.writeString(disabled.resolve("mxcp-site.yml"), "mxcp: 1\nproject: no-dbt\nprofile: default\n"
                + "dbt: {enabled: false}\n");
        for (List<String> command : List.of(List.of("dbt", "run"), List.of("dbt-config"))) {
            CommandResult refused = mxcp.run(disabled, environment(0), command.toArray(String[]::new));
            assertEquals(1, refused.exitCode(), refused::describe);
            assertTrue(refused.stderr().contains("dbt integration is disabled in mxcp-site.yml"), refused::describe);
        }
    }

    private static Map<String, String> environment(int dbtExit) {
        return Map.of("PATH", fakeBin + ":" + System.getenv("PATH"), "OWID_TOKEN", "s3cr3t",
                "FAKE_DBT_EXIT", String.valueOf(dbtExit));
    }
}
