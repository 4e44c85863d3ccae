package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.cli.fakes.Cli;
import io.mxcp.cli.fakes.FakeProject;
import io.mxcp.cli.fakes.FakeServices;

class CommandLineShapeTest {

    private static final List<String> COMMANDS =
            List.of("init", "list", "validate", "run", "test", "lint", "serve", "drift-snapshot", "drift-check", "log",
                    "log-cleanup");

    @TempDir
    Path folder;

    private Cli cli() {
        return new Cli(folder, new FakeServices(new FakeProject(folder)));
    }

    @Test
    void noCommandPrintsHelpListingTheCommands() {
        Cli.Outcome outcome = cli().run();
        assertEquals(0, outcome.exit());
        for (String command : COMMANDS) {
            assertTrue(outcome.out().contains(command), outcome.out());
        }
    }

    @Test
    void versionOnTheRootAndOnSubcommands() {
        assertEquals("mxcp 0.1.0\n", cli().run("--version").out());
        assertEquals("mxcp 0.1.0\n", cli().run("list", "--version").out());
    }

    @Test
    void helpOnEverySubcommand() {
        for (String command : COMMANDS) {
            Cli.Outcome outcome = cli().run(command, "--help");
            assertEquals(0, outcome.exit(), command);
            assertTrue(outcome.out().contains("--debug"), outcome.out());
        }
        assertTrue(cli().run("run", "--help").out().contains("--param"));
        assertTrue(cli().run("serve", "--help").out().contains("Print start-up errors as one JSON document"));
        assertTrue(cli().run("list", "--help").out().contains("Print exactly one JSON document"));
    }

    @Test
    void flagsTakeNoValue() {
        for (List<String> args : List.of(List.of("list", "--json-output=false"), List.of("list", "--debug=true"),
                List.of("query", "SELECT 1", "--readonly=false"), List.of("serve", "--stateless=true"),
                List.of("log", "--verify=false"), List.of("--help=true"), List.of("run", "--help=false"),
                List.of("--version=true"))) {
            Cli.Outcome outcome = cli().run(args.toArray(String[]::new));
            assertEquals(2, outcome.exit(), String.join(" ", args));
            String flag = args.getLast().substring(0, args.getLast().indexOf('='));
            assertTrue(outcome.err().contains("option '" + flag + "' should be specified without"), outcome.err());
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, cli().run("frobnicate").exit(), "an unknown command");
        assertEquals(2, cli().run("test", "table", "x").exit(), "not an endpoint type");
        assertEquals(2, cli().run("list", "--bogus").exit());
        assertEquals(2, cli().run("run", "tool").exit(), "missing NAME");
        Cli.Outcome badKind = cli().run("run", "table", "x");
        assertEquals(2, badKind.exit());
        assertTrue(badKind.err().contains("'table' is not one of 'tool', 'resource', 'prompt'"), badKind.err());
        assertEquals(2, cli().run("serve", "--port", "eighty").exit());
        assertEquals(2, cli().run("serve", "--transport", "websocket").exit());
        assertEquals(2, cli().run("serve", "--sql-tools", "maybe").exit());
    }

    @Test
    void aUsageErrorShowsTheUsageLineWhereHelpIsAndTheErrorAsTheOriginal() {
        Cli.Outcome unknown = cli().run("frobnicate");
        assertEquals("Usage: mxcp [OPTIONS] COMMAND [ARGS]...\nTry 'mxcp --help' for help.\n\n"
                + "Error: No such command 'frobnicate'.\n", unknown.err());
        Cli.Outcome missing = cli().run("run", "tool");
        assertEquals("Usage: mxcp run [OPTIONS] TYPE NAME\nTry 'mxcp run --help' for help.\n\n"
                + "Error: Missing required parameter: 'NAME'\n", missing.err());
        Cli.Outcome extra = cli().run("test", "tool", "hello", "extra");
        assertTrue(extra.err().startsWith("Usage: mxcp test [OPTIONS] [TYPE] [NAME]\nTry 'mxcp test --help' for help."
                + "\n\nError: "), extra.err());
        Cli.Outcome option = cli().run("list", "--bogus");
        assertTrue(option.err().startsWith("Usage: mxcp list [OPTIONS]\nTry 'mxcp list --help' for help.\n\nError: "
                + "Unknown option: '--bogus'"), option.err());
        assertEquals("", option.out());
    }

    @Test
    void outsideAProjectEveryCommandSaysSoAndExitsOne() {
        Cli.Outcome outcome = cli().run("list");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.out().contains("❌ Error: No mxcp-site.yml found in current directory or parents"), outcome.out());
        assertEquals("Error: No mxcp-site.yml found in current directory or parents\n", outcome.err());
    }

    @Test
    void stdioServeOutsideAProjectKeepsStandardOutputForTheProtocol() {
        Cli.Outcome outcome = cli().run("serve", "--transport", "stdio");
        assertEquals(1, outcome.exit());
        assertEquals("", outcome.out(), "an MCP client reads standard output as messages");
        assertTrue(outcome.err().contains("No mxcp-site.yml found in current directory or parents"), outcome.err());
        assertTrue(outcome.err().contains("mxcp serve was started in " + folder
                + ", outside any project: set the folder of the project in the MCP client's configuration"),
                outcome.err());
        assertFalse(outcome.err().contains("❌"), "the reason once, not twice: " + outcome.err());
    }

    @Test
    void outsideAProjectJsonOutputIsOneErrorDocument() {
        Cli.Outcome outcome = cli().run("run", "tool", "x", "--json-output");
        assertEquals(1, outcome.exit());
        assertEquals("""
                {
                  "status": "error",
                  "error": "No mxcp-site.yml found in current directory or parents"
                }
                """, outcome.out());
    }
}
