package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * Fixture categories "secrets" and "secret-injection" (spec 01 §1.6–§1.8): secrets of the user config (found
 * through MXCP_CONFIG, with {@code ${VAR}} references) become DuckDB temporary secrets — an {@code http} secret
 * with a bearer token, one with an {@code EXTRA_HTTP_HEADERS} map — read back through {@code duckdb_secrets()}
 * from {@code mxcp query} and from a SQL tool; a type DuckDB does not know is left out without failing.
 */
class CompatSecretsIT {

    private static final String USER_CONFIG = """
            mxcp: 1
            projects:
              secrets-demo:
                profiles:
                  default:
                    secrets:
                      - name: api_token
                        type: http
                        parameters:
                          BEARER_TOKEN: "${API_TOKEN}"
                      - name: api_headers
                        type: http
                        parameters:
                          EXTRA_HTTP_HEADERS:
                            header1: Foo
                            header2: Bar
                      - name: app_setting
                        type: value
                        parameters:
                          value: "it's plain"
            """;

    private static final String SECRETS_SQL = "SELECT name, type, secret_string FROM duckdb_secrets() ORDER BY name";

    private static Mxcp mxcp;
    private static List<CommandResult> results;

    @BeforeAll
    static void readTheSecretsBack() {
        Path work = Workspace.forClass(CompatSecretsIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        ProjectFolder project = ProjectFolder.createWithSite(work, "secrets-demo",
                        "mxcp: 1\nproject: secrets-demo\nprofile: default\nsecrets: [api_token, api_headers, app_setting]\n")
                .write("mxcp-config.yml", USER_CONFIG)
                .write("tools/secrets.yml", "mxcp: 1\ntool:\n  name: secrets\n  description: The DuckDB secrets\n"
                        + "  source:\n    code: " + SECRETS_SQL + "\n");
        Map<String, String> environment = Map.of("MXCP_CONFIG", project.root().resolve("mxcp-config.yml").toString(),
                "API_TOKEN", "s3cr3t");
        results = Batch.run(mxcp, List.of(
                Invocation.in(project.root(), "query", SECRETS_SQL, "--json-output").withEnvironment(environment),
                Invocation.in(project.root(), "run", "tool", "secrets", "--json-output").withEnvironment(environment),
                Invocation.in(project.root(), "query", "SELECT 1 AS x", "--json-output")
                        .withEnvironment(Map.of("MXCP_CONFIG", project.root().resolve("absent.yml").toString()))));
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void httpSecretsAreCreatedInDuckDb() {
        JsonNode rows = Outcomes.result(results.get(0));
        assertEquals(2, rows.size(), "the value-type secret is not a DuckDB secret\n" + results.get(0).describe());
        JsonNode headers = rows.path(0);
        assertEquals("api_headers", headers.path("name").asText());
        assertEquals("http", headers.path("type").asText());
        assertTrue(headers.path("secret_string").asText().contains("extra_http_headers={header1=Foo, header2=Bar}"),
                headers::toString);
        JsonNode token = rows.path(1);
        assertEquals("api_token", token.path("name").asText());
        assertEquals("http", token.path("type").asText());
        // DuckDB redacts the token it was given; the key shows the secret carries one
        assertTrue(token.path("secret_string").asText().contains("bearer_token=redacted"), token::toString);
    }

    @Test
    void endpointsSeeTheSameSecrets() {
        assertEquals(Outcomes.result(results.get(0)), Outcomes.result(results.get(1)));
    }

    @Test
    void aMissingUserConfigNamedByMxcpConfigIsAnError() {
        CommandResult missing = results.get(2);
        assertEquals(1, missing.exitCode(), missing::describe);
        assertTrue(missing.json().path("error").asText().contains("MXCP user config not found at "), missing::describe);
    }
}
