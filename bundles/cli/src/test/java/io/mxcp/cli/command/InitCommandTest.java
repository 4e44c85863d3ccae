package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.FakeServices;

class InitCommandTest {

    @TempDir
    Path scratch;
    FakeProject project;
    Cli cli;

    @BeforeEach
    void cli() {
        project = new FakeProject(scratch.resolve("P"));
        cli = new Cli(scratch, new FakeServices(project));
    }

    @Test
    void bootstrapWritesTheSiteFileFoldersAndHelloWorld() throws IOException {
        Cli.Outcome outcome = cli.run("init", "P", "--bootstrap");
        assertEquals(0, outcome.exit(), outcome.err());
        Path p = scratch.resolve("P");
        assertEquals("mxcp: 1\nprofile: default\nproject: P\n", Files.readString(p.resolve("mxcp-site.yml")));
        for (String folder : new String[] {"tools", "resources", "prompts", "evals", "python", "plugins", "sql", "drift",
                "audit", "data"}) {
            assertTrue(Files.isDirectory(p.resolve(folder)), folder);
        }
        assertEquals("SELECT 'Hello, ' || $name || '!' as greeting\n", Files.readString(p.resolve("sql/hello-world.sql")));
        assertEquals("""
                mxcp: 1
                tool:
                  name: hello_world
                  description: A simple hello world tool
                  enabled: true
                  parameters:
                  - name: name
                    type: string
                    description: Name to greet
                    examples:
                    - World
                    - Alice
                    - Bob
                  return:
                    type: string
                    description: Greeting message
                  source:
                    file: ../sql/hello-world.sql
                """, Files.readString(p.resolve("tools/hello-world.yml")));
        assertFalse(Files.exists(p.resolve("server_config.json")), "no question off a terminal");
        assertEquals(1, project.runtimeInitializations, "the database is opened once");
        assertTrue(project.closed);
        assertEquals(p, cli.services.openedWith.get(0).workingDirectory());
        assertEquals("default", cli.services.openedWith.get(0).profile());
        String out = outcome.out();
        assertTrue(out.contains("✓ Created mxcp-site.yml"), out);
        assertTrue(out.contains("✓ Initialized DuckDB database"), out);
        assertTrue(out.contains("📁 Project Structure:\n  mxcp-site.yml   project settings\n"
                + "  tools/          tool definitions (YAML)\n"), out);
        assertTrue(out.contains("  data/           the DuckDB database\n"), out);
        assertTrue(out.contains("mxcp run tool hello_world --param name=World"), out);
        assertTrue(out.contains("mxcp serve") && out.contains("mxcp list") && out.contains("mxcp validate"), out);
        assertTrue(out.contains("claude_desktop_config.json"), out);
    }

    @Test
    void theCdStepIsOneShellWord() {
        Cli.Outcome outcome = cli.run("init", "O'Brien Müller 日本");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("1. cd 'O'\\''Brien Müller 日本'\n"), outcome.out());
        assertTrue(cli.run("init", "Größe_2").out().contains("1. cd Größe_2\n"),
                "left bare when nothing needs quoting");
        assertTrue(cli.run("init", "--", "-dash").out().contains("1. cd ./-dash\n"), "not an option of cd");
    }

    @Test
    void withoutBootstrapNoExample() {
        cli.run("init", "P");
        assertTrue(Files.isRegularFile(scratch.resolve("P/mxcp-site.yml")));
        assertFalse(Files.exists(scratch.resolve("P/tools/hello-world.yml")));
        assertFalse(Files.exists(scratch.resolve("P/sql/hello-world.sql")));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedAsSuch() throws IOException {
        Files.writeString(scratch.resolve("afile"), "x");
        Cli.Outcome outcome = cli.run("init", "afile");
        assertEquals(1, outcome.exit());
        assertEquals("Error: The project folder " + scratch.resolve("afile").toAbsolutePath().normalize()
                + " cannot be made: a file has that name\n", outcome.err());
    }

    @Test
    void refusesInsideAnExistingProject() throws IOException {
        cli.run("init", "P");
        Cli.Outcome outcome = cli.run("init", "P/sub");
        assertEquals(1, outcome.exit());
        assertEquals("Error: Cannot create a MXCP repository inside another one\n", outcome.err());
        assertFalse(Files.exists(scratch.resolve("P/sub")));
    }

    @Test
    void profileFromTheEnvironmentAndNameFromTheOption() throws IOException {
        cli.environment.put("MXCP_PROFILE", "dev");
        cli.run("init", "Q", "--project", "analytics");
        assertEquals("mxcp: 1\nprofile: dev\nproject: analytics\n", Files.readString(scratch.resolve("Q/mxcp-site.yml")));
        assertEquals("dev", cli.services.openedWith.get(0).profile());
        cli.run("init", "R", "--profile", "prod");
        assertTrue(Files.readString(scratch.resolve("R/mxcp-site.yml")).contains("profile: prod\n"));
    }

    @Test
    void databaseFailureIsOnlyAWarning() {
        cli.services.openFailure = new io.mxcp.core.api.ProjectException("disk full");
        Cli.Outcome outcome = cli.run("init", "P");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("Warning: Failed to initialize DuckDB database: disk full"), outcome.out());
    }

    @Test
    void interactiveYesWritesTheClaudeDesktopEntry() throws IOException {
        cli.interactive = true;
        cli.input = "y\n";
        cli.launcher = scratch.resolve("dist/bin/mxcp");
        assertEquals(0, cli.run("init", "P").exit());
        String config = Files.readString(scratch.resolve("P/server_config.json"));
        assertTrue(config.contains("\"mcpServers\": {\n    \"P\": {"), config);
        assertTrue(config.contains("\"command\": \"" + scratch.resolve("dist/bin/mxcp") + "\""), config);
        assertTrue(config.contains("\"args\": [\n        \"serve\",\n        \"--transport\",\n        \"stdio\"\n      ]"),
                config);
        assertTrue(config.contains("\"cwd\": \"" + scratch.resolve("P") + "\""), config);
    }

    @Test
    void interactiveDefaultIsNo() {
        cli.interactive = true;
        cli.input = "\n";
        Cli.Outcome outcome = cli.run("init", "P");
        assertFalse(Files.exists(scratch.resolve("P/server_config.json")));
        assertTrue(outcome.out().contains("Skipped Claude Desktop configuration generation"), outcome.out());
    }

    @Test
    void aProjectAlreadyInTheUserConfigAsksFirst() throws IOException {
        Path config = scratch.resolve("config.yml");
        Files.writeString(config, "mxcp: 1\nprojects:\n  P:\n    profiles:\n      default: {}\n");
        cli.environment.put("MXCP_CONFIG", config.toString());
        cli.interactive = true;
        cli.input = "n\n";
        Cli.Outcome declined = cli.run("init", "P");
        assertEquals(0, declined.exit());
        assertTrue(declined.out().contains("Project 'P' already exists in your config. Continue?"), declined.out());
        assertFalse(Files.exists(scratch.resolve("P/mxcp-site.yml")), "declining writes nothing");

        cli.interactive = false;
        Cli.Outcome warned = cli.run("init", "P");
        assertTrue(warned.out().contains("Warning: Project 'P' already exists in your config."), warned.out());
        assertTrue(Files.exists(scratch.resolve("P/mxcp-site.yml")));
    }

    @Test
    void anExistingDatabaseIsAWarning() throws IOException {
        Files.createDirectories(scratch.resolve("P/data"));
        Files.writeString(scratch.resolve("P/data/db-default.duckdb"), "");
        Cli.Outcome outcome = cli.run("init", "P");
        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().contains("Warning: A database already exists at"), outcome.out());
    }
}
