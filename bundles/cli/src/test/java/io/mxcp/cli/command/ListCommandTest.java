package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.core.model.EndpointKind;

class ListCommandTest extends ProjectFolderTest {

    @Test
    void jsonListsEveryFileWithItsError() {
        project.withTool("hello_world", "tools/hello-world.yml")
                .withBrokenFile(EndpointKind.RESOURCE, "resources/bad.yml", "Invalid YAML");
        Cli.Outcome outcome = cli.run("list", "--json-output");
        assertEquals(0, outcome.exit());
        assertEquals("""
                {
                  "status": "ok",
                  "result": {
                    "status": "error",
                    "endpoints": [
                      {
                        "path": "tools/hello-world.yml",
                        "kind": "tool",
                        "name": "hello_world",
                        "error": ""
                      },
                      {
                        "path": "resources/bad.yml",
                        "kind": "resource",
                        "name": "unknown",
                        "error": "Invalid YAML"
                      }
                    ]
                  }
                }
                """, outcome.out());
        assertTrue(project.closed);
        assertEquals(0, project.runtimeInitializations, "list needs no database");
    }

    @Test
    void builtInSqlToolsAreNotListed() {
        project.withTool("hello_world", "tools/hello-world.yml").withBuiltInTool("list_tables");
        Cli.Outcome outcome = cli.run("list", "--json-output");
        assertTrue(outcome.out().contains("\"hello_world\""), outcome.out());
        assertTrue(!outcome.out().contains("list_tables"), outcome.out());
    }

    @Test
    void humanOutputShowsFailuresFirstThenGroupsSortedByName() {
        project.withTool("zeta", "tools/z.yml").withTool("alpha", "tools/a.yml")
                .withEndpoint(EndpointKind.RESOURCE, "item://{id}", "resources/item.yml")
                .withBrokenFile(EndpointKind.TOOL, "tools/broken.yml", "first line\nsecond line");
        String out = cli.run("list").out();
        assertTrue(out.contains("Found 4 endpoint files"), out);
        assertTrue(out.contains("• 3 valid") && out.contains("• 1 failed"), out);
        assertTrue(out.indexOf("✗ tools/broken.yml") < out.indexOf("✅ Valid endpoints:"), out);
        assertTrue(out.contains("    Error: first line\n      second line\n"), out);
        assertTrue(out.indexOf("✓ alpha (tools/a.yml)") < out.indexOf("✓ zeta (tools/z.yml)"), out);
        assertTrue(out.indexOf("🔧 Tools:") < out.indexOf("📦 Resources:"), out);
        assertTrue(out.contains("✓ item://{id} (resources/item.yml)"), out);
        assertTrue(!out.contains("\u001B["), "no colours off a terminal");
    }

    @Test
    void emptyProjectGivesAHint() {
        Cli.Outcome outcome = cli.run("list");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("No endpoints found"), outcome.out());
        assertTrue(outcome.out().contains("tools/"), outcome.out());
    }

    @Test
    void coloursOnlyOnATerminalWithoutNoColor() {
        project.withTool("alpha", "tools/a.yml");
        cli.interactive = true;
        assertTrue(cli.run("list").out().contains("\u001B["));
        cli.environment.put("NO_COLOR", "1");
        assertTrue(!cli.run("list").out().contains("\u001B["));
    }

    @Test
    void profileAndEnvironmentReachTheProjectService() {
        cli.environment.put("MXCP_READONLY", "yes");
        cli.run("list", "--profile", "prod");
        var options = cli.services.openedWith.get(0);
        assertEquals("prod", options.profile());
        assertEquals(root, options.workingDirectory());
        assertEquals("yes", options.environment().get("MXCP_READONLY"));
        assertTrue(options.readOnly());
    }

    @Test
    void aProjectErrorIsReportedByTheGenericHandler() {
        cli.services.openFailure = new io.mxcp.core.api.ProjectException("mxcp-site.yml: project: field required");
        Cli.Outcome outcome = cli.run("list");
        assertEquals(1, outcome.exit());
        assertEquals("Error: mxcp-site.yml: project: field required\nAborted!\n", outcome.err());
    }
}
