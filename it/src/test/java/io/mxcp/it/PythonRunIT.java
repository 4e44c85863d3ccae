package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Python tools through `mxcp run` of the Python distribution: one runtime generation per command (spec 01 §5.8). */
class PythonRunIT {

    private static PythonProject fixture;

    @BeforeAll
    static void copyProject() {
        fixture = PythonProject.create(PythonRunIT.class);
    }

    private static JsonNode run(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "run";
        command[1] = "tool";
        System.arraycopy(args, 0, command, 2, args.length);
        command[command.length - 1] = "--json-output";
        CommandResult result = fixture.mxcp.run(fixture.project, command);
        assertEquals(0, result.exitCode(), result.describe());
        return result.json().path("result");
    }

    @Test
    void syncToolGetsKeywordArguments() {
        assertEquals(5, run("add", "--param", "a=2", "--param", "b=3").asInt());
    }

    @Test
    void asyncToolIsAwaited() {
        assertEquals(42, run("slow_double", "--param", "x=21").asInt());
    }

    @Test
    void progressAndLogMessagesGoToTheLogAndStdoutKeepsTheResult() {
        CommandResult result = fixture.mxcp.run(fixture.project, "run", "tool", "chatty", "--json-output", "--debug");
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("done", result.json().path("result").asText(), result.describe());
        assertTrue(result.stderr().contains("[cli progress] 1/2 halfway"), result.describe());
        assertTrue(result.stderr().contains("INFO [runtime] started"), result.describe());
        assertTrue(result.stderr().contains("WARN [runtime] careful"), result.describe());
    }

    @Test
    void aPlainFunctionSendsItsMessagesWithoutAwait() {
        CommandResult result = fixture.mxcp.run(fixture.project, "run", "tool", "chatty_sync", "--json-output", "--debug");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("[cli progress] 1/2 halfway in sync"), result.describe());
        assertTrue(result.stderr().contains("INFO [runtime] started in sync"), result.describe());
    }

    @Test
    void inlineCodeReturnsItsExpression() {
        assertEquals(12, run("inline", "--param", "a=4").asInt());
    }

    @Test
    void datesDecimalsListsAndNoneCrossBothWays() {
        JsonNode result = run("dates", "--param", "day=2024-01-15");
        assertEquals("2024-01-16", result.path("next").asText());
        assertEquals(1.5, result.path("price").asDouble());
        assertTrue(result.path("none").isNull(), result.toString());
        assertEquals("[1,2.5,\"x\"]", result.path("items").toString());
    }

    @Test
    void dbExecuteBindsNamedParametersOnTheProjectDatabase() {
        JsonNode rows = run("query", "--param", "n=2");
        assertEquals("[{\"i\":0,\"doubled\":0},{\"i\":1,\"doubled\":2},{\"i\":2,\"doubled\":4}]", rows.toString());
    }

    @Test
    void secretsSettingsAndTheInitHookOfThisGeneration() {
        int before = fixture.shutdownLog().split("\n", -1).length;
        JsonNode result = run("secret");
        assertEquals("s3cret", result.path("secret").path("value").asText(), result.toString());
        assertTrue(result.path("missing").isNull(), result.toString());
        assertEquals("pyproj", result.path("project").asText());
        assertEquals(1, result.path("inits").asInt(), "on_init runs once per mxcp run");
        assertTrue(fixture.shutdownLog().split("\n", -1).length > before, "on_shutdown ran: " + fixture.shutdownLog());
        assertTrue(fixture.shutdownLog().contains("shutdown after 1 init"), fixture.shutdownLog());
    }

    /** Spec 01 §5.7 QUIRK: get_secret reads the active profile's secrets, also when --profile picks another one. */
    @Test
    void packagesOfTheVirtualEnvironmentAndPythonpathAreImportable() throws IOException {
        Path outside = fixture.project.resolveSibling("outside-packages");
        Path sitePackages = Files.createDirectories(outside.resolve("venv/lib/python3.12/site-packages/greetlib"))
                .getParent();
        Files.writeString(sitePackages.resolve("greetlib/__init__.py"), "def greet(n):\n    return 'hi ' + n\n");
        Files.writeString(sitePackages.resolve("extra.pth"), outside.resolve("by-pth") + "\n");
        Files.createDirectories(outside.resolve("by-pth"));
        Files.writeString(outside.resolve("by-pth/pthmod.py"), "MARK = 'via .pth'\n");
        Files.createDirectories(outside.resolve("pythonpath"));
        Files.writeString(outside.resolve("pythonpath/shout.py"), "def shout(n):\n    return n.upper() + '!'\n");
        Path module = fixture.project.resolve("python/env_packages.py");
        Path tool = fixture.project.resolve("tools/env_packages.yml");
        Files.writeString(module, """
                def env_packages(name: str) -> dict:
                    import greetlib, pthmod, shout
                    return {"greeting": greetlib.greet(name), "shout": shout.shout(name), "mark": pthmod.MARK}
                """);
        Files.writeString(tool, """
                mxcp: 1
                tool:
                  name: env_packages
                  language: python
                  parameters: [{name: name, type: string, description: Who}]
                  return: {type: object}
                  source: {file: ../python/env_packages.py}
                """);
        try {
            CommandResult found = fixture.mxcp.run(fixture.project, Map.of("VIRTUAL_ENV", outside.resolve("venv")
                    .toString(), "PYTHONPATH", outside.resolve("pythonpath").toString()), "run", "tool",
                    "env_packages", "--param", "name=ada", "--json-output");
            assertEquals(0, found.exitCode(), found.describe());
            assertEquals("{\"greeting\":\"hi ada\",\"shout\":\"ADA!\",\"mark\":\"via .pth\"}",
                    found.json().path("result").toString(), found.describe());
            CommandResult missing = fixture.mxcp.run(fixture.project, "run", "tool", "env_packages", "--param",
                    "name=ada");
            assertEquals(1, missing.exitCode(), missing.describe());
            assertTrue(missing.stderr().contains("No module named 'greetlib'"), missing.describe());
        } finally {
            Files.delete(tool);
            Files.delete(module);
        }
    }

    @Test
    void secretsOfTheProfileACommandPicks() throws IOException {
        String original = Files.readString(fixture.userConfig);
        Files.writeString(fixture.userConfig, original + """
                      staging:
                        secrets:
                          - {name: api_key, type: value, parameters: {value: st4ging}}
                        plugin:
                          config:
                            rot1: {rotation: "1"}
                """);
        try {
            CommandResult staged = fixture.mxcp.run(fixture.project, "run", "tool", "secret", "--profile", "staging",
                    "--json-output");
            assertEquals(0, staged.exitCode(), staged.describe());
            assertEquals("st4ging", staged.json().at("/result/secret/value").asText(), staged.describe());
        } finally {
            Files.writeString(fixture.userConfig, original);
        }
    }

    @Test
    void userContextOfTheCliReachesPython() {
        JsonNode result = run("whoami", "--user-context", "{\"username\": \"alice\"}");
        assertEquals("alice", result.path("user").asText(), result.toString());
    }

    @Test
    void theExecutionContextOfACommandNamesTheCliAsItsTransport() {
        JsonNode result = run("transport");
        assertEquals("cli", result.get("transport").asText(), result.toString());
        assertTrue(result.get("mcp_proxy").asBoolean(), result.toString());
    }

    @Test
    void pluginUdfIsCallableFromPythonSql() {
        assertEquals("ifmmp", run("cipher", "--param", "text=hello").asText());
    }

    @Test
    void pluginUdfIsCallableFromASqlTool() {
        // the plugin (rotation 1) decrypts by shifting back: "ifmmp" -> "hello"
        assertEquals("[{\"plain\":\"hello\"}]", run("decrypt_sql", "--param", "message=ifmmp").toString());
    }

    /** Spec 01 §6.3: a UDF sees the caller of the statement on every row, whichever of DuckDB's threads runs it. */
    @Test
    void pluginUdfsSeeTheCallerOnEveryRowAndTakeThreeParameters() {
        assertEquals("[{\"who\":\"row:alice\",\"wrapped\":\"[x]\"}]",
                run("udf_caller", "--user-context", "{\"username\": \"alice\"}").toString());
        assertEquals("[{\"who\":\"row:None\",\"wrapped\":\"[x]\"}]", run("udf_caller").toString());
    }

    /** Spec 01 §5.8: `mxcp test` builds the whole runtime first, so a SQL endpoint's tests see the plugin's functions. */
    @Test
    void testsOfASqlEndpointSeeThePluginsFunctions() throws IOException {
        Files.writeString(fixture.project.resolve("tools/decrypt_tested.yml"), """
                mxcp: 1
                tool:
                  name: decrypt_tested
                  description: sql using plugin, with a test
                  source: {code: "SELECT decrypt_str_secret($message) AS plain"}
                  parameters: [{name: message, type: string, description: m}]
                  return: {type: object, properties: {plain: {type: string}}}
                  tests:
                    - {name: decrypts, arguments: [{key: message, value: ifmmp}], result: {plain: hello}}
                """);
        CommandResult test = fixture.mxcp.run(fixture.project, "test", "tool", "decrypt_tested", "--json-output");
        assertEquals(0, test.exitCode(), test.describe());
        assertEquals("passed", test.json().at("/result/tests/0/status").asText(), test.describe());
    }

    /**
     * Spec 01 appendix B, O15 and O16: output vectors only code (not SQL rows) can produce; the spec's message,
     * then the function that returned the value.
     */
    @Test
    void objectReturnsAreShapedThenValidated() {
        assertEquals("Output validation failed: Expected object, got str"
                + " (returned by function 'object_from_text' in python/calc.py)", runError("object_from_text"));
        assertEquals("Output validation failed: Expected object, got int"
                + " (returned by function 'object_from_list' in python/calc.py)", runError("object_from_list"));
    }

    @Test
    void aWrongReturnTypeNamesFileAndFunction() {
        assertEquals("Output validation failed: Expected integer, got str"
                + " (returned by function 'wrong_type' in python/calc.py)", runError("wrong_type", "--param", "shape=text"));

        CommandResult text = fixture.mxcp.run(fixture.project, "run", "tool", "wrong_type", "--param", "shape=dict");
        assertEquals(1, text.exitCode(), text.describe());
        assertTrue(text.stderr().contains("Error: Output validation failed: Expected integer, got dict"
                + " (returned by function 'wrong_type' in python/calc.py)"), text.describe());
    }

    @Test
    void aUdfExceptionReadsAsDuckDbsPythonUdfErrorWithoutJavaInternals() {
        assertEquals("Failed to execute SQL: Invalid Input Error: Python exception occurred while executing the UDF"
                + " 'refuse_str_secret': ValueError: no thanks: x (at plugins/caesar/__init__.py:31 in refuse)",
                runError("udf_refuses"));
    }

    private static String runError(String tool, String... parameters) {
        String[] command = new String[parameters.length + 4];
        command[0] = "run";
        command[1] = "tool";
        command[2] = tool;
        System.arraycopy(parameters, 0, command, 3, parameters.length);
        command[command.length - 1] = "--json-output";
        CommandResult result = fixture.mxcp.run(fixture.project, command);
        assertEquals(1, result.exitCode(), result.describe());
        assertEquals("error", result.json().path("status").asText(), result.describe());
        return result.json().path("error").asText();
    }

    @Test
    void aPythonExceptionNamesItsMessageFileAndFunction() {
        CommandResult result = fixture.mxcp.run(fixture.project, "run", "tool", "divide", "--param", "a=1", "--param", "b=0");
        assertNotEquals(0, result.exitCode(), result.describe());
        String output = result.stdout() + result.stderr();
        assertTrue(output.contains("Cannot divide by zero (ValueError at python/calc.py:"), result.describe());
        assertTrue(output.contains(" in divide)"), result.describe());
    }

    @Test
    void reloadDuckdbNeedsAServer() {
        assertTrue(runError("reload_failing").startsWith("Server reference not available in context. This function can"
                + " only be called from within MXCP server endpoints. (RuntimeError at python/reloads.py:"));
    }
}
