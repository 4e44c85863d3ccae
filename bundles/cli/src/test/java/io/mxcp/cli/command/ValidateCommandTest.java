package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;

class ValidateCommandTest extends ProjectFolderTest {

    @BeforeEach
    void helloWorldTool() throws IOException {
        Files.createDirectories(root.resolve("tools"));
        Files.writeString(root.resolve("tools/hello-world.yml"), "mxcp: 1\n");
        project.withTool("hello_world", "tools/hello-world.yml");
    }

    @Test
    void allValidExitsZeroWithTheOriginalPayload() {
        Cli.Outcome outcome = cli.run("validate", "--json-output");
        assertEquals(0, outcome.exit());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "status": "ok",
                    "validated": [
                      {
                        "status": "ok",
                        "path": "tools/hello-world.yml"
                      }
                    ]
                  }
                }
                """, outcome.out());
        assertEquals(1, project.runtimeInitializations, "SQL is prepared against a live runtime");
    }

    @Test
    void anyInvalidFileExitsOneAndEveryFileIsReported() {
        project.withTool("b", "tools/b.yml").withTool("a", "tools/a.yml")
                .invalid("tools/b.yml", "Parameter mismatch: missing=['x']")
                .invalid("tools/a.yml", "SQL file not found\nsecond detail");
        Cli.Outcome outcome = cli.run("validate");
        assertEquals(1, outcome.exit());
        String out = outcome.out();
        assertTrue(out.contains("Validated 3 endpoint files"), out);
        assertTrue(out.contains("• 1 passed") && out.contains("• 2 failed"), out);
        assertTrue(out.indexOf("✗ tools/a.yml") < out.indexOf("✗ tools/b.yml"), "failures sorted by path: " + out);
        assertTrue(out.contains("    Error: SQL file not found\n      second detail\n"), out);
        assertTrue(out.contains("✓ tools/hello-world.yml"), out);
        assertTrue(out.contains("Tip"), out);
    }

    @Test
    void oneFileByPathRelativeToTheWorkingFolder() {
        Cli.Outcome outcome = cli.run("validate", "tools/hello-world.yml", "--json-output");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("\"result\": {\n    \"status\": \"ok\",\n    \"path\": \"tools/hello-world.yml\"\n  }"),
                outcome.out());
    }

    @Test
    void aNameInsteadOfAFileIsNotAnEndpoint() {
        Cli.Outcome outcome = cli.run("validate", "hello_world", "--json-output");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.out().contains("\"path\": \"hello_world\""), outcome.out());
        assertTrue(outcome.out().contains("\"message\": \"Endpoint file not found or not a valid endpoint\""), outcome.out());
    }

    @Test
    void oneFileFromASubfolderResolvesAgainstTheRootToo() throws IOException {
        Path sub = Files.createDirectories(root.resolve("sql"));
        Cli fromSub = new Cli(sub, cli.services);
        Cli.Outcome outcome = fromSub.run("validate", "tools/hello-world.yml");
        assertEquals(0, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("✅ Validation passed!"), outcome.out());
        assertTrue(outcome.out().contains("📄 File: tools/hello-world.yml"), outcome.out());
    }

    @Test
    void noEndpointsIsReportedButNotAFailure() {
        project.endpoints.clear();
        Cli.Outcome outcome = cli.run("validate", "--json-output");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("\"validated\": []"), outcome.out());
        assertTrue(outcome.out().contains("\"message\": \"No endpoints found\""), outcome.out());
        assertTrue(cli.run("validate").out().contains("No endpoints found to validate"));

        // the built-in SQL tools are no endpoint files: still nothing to validate, and no failed file of no path
        project.withBuiltInTool("execute_sql_query");
        Cli.Outcome withSqlTools = cli.run("validate", "--json-output");
        assertEquals(0, withSqlTools.exit(), withSqlTools.out());
        assertTrue(withSqlTools.out().contains("\"validated\": []"), withSqlTools.out());
    }
}
