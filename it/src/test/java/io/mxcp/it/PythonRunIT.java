package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Python tools through `mxcp run` of the Python distribution: one runtime generation per command (spec 01 §5.8),
 * what a command adds (parameters, user context, profile, environment, output). How Python values and failures
 * cross is checked once, in PythonServeIT: each command here starts GraalPy anew (seconds).
 */
class PythonRunIT {

    /** The kernel's debug line when Python's polyglot engine is built (on the first interpreter's start). */
    private static final String ENGINE_STARTED = "Polyglot engine";

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
    void progressAndLogMessagesGoToTheLogAndStdoutKeepsTheResult() {
        CommandResult result = fixture.mxcp.run(fixture.project, "run", "tool", "chatty", "--json-output", "--debug");
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals("done", result.json().path("result").asText(), result.describe());
        assertTrue(result.stderr().contains("[cli progress] 1/2 halfway"), result.describe());
        assertTrue(result.stderr().contains("INFO [mxcp.runtime] started"), result.describe());
        assertTrue(result.stderr().contains("WARN [mxcp.runtime] careful"), result.describe());
    }

    @Test
    void aPlainFunctionSendsItsMessagesWithoutAwait() {
        CommandResult result = fixture.mxcp.run(fixture.project, "run", "tool", "chatty_sync", "--json-output", "--debug");
        assertEquals(0, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("[cli progress] 1/2 halfway in sync"), result.describe());
        assertTrue(result.stderr().contains("INFO [mxcp.runtime] started in sync"), result.describe());
    }

    @Test
    void inlineCodeReturnsItsExpression() {
        assertEquals(12, run("inline", "--param", "a=4").asInt());
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

    /**
     * The environment variables a CPython user sets reach the interpreter: VIRTUAL_ENV and PYTHONPATH add packages,
     * PYTHONDONTWRITEBYTECODE keeps compiled modules out of {@code __pycache__}, PYTHONPYCACHEPREFIX moves them.
     */
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
                    .toString(), "PYTHONPATH", outside.resolve("pythonpath").toString(), "PYTHONDONTWRITEBYTECODE",
                    "1"), "run", "tool", "env_packages", "--param", "name=ada", "--json-output");
            assertEquals(0, found.exitCode(), found.describe());
            assertEquals("{\"greeting\":\"hi ada\",\"shout\":\"ADA!\",\"mark\":\"via .pth\"}",
                    found.json().path("result").toString(), found.describe());
            assertEquals(List.of(), compiledModules(outside), "PYTHONDONTWRITEBYTECODE=1");
            assertEquals(List.of(), compiledModules(fixture.project, "env_packages"), "PYTHONDONTWRITEBYTECODE=1");

            Path prefix = outside.resolve("pycache");
            CommandResult missing = fixture.mxcp.run(fixture.project, Map.of("PYTHONPYCACHEPREFIX", prefix.toString()),
                    "run", "tool", "env_packages", "--param", "name=ada");
            assertEquals(1, missing.exitCode(), missing.describe());
            assertTrue(missing.stderr().contains("No module named 'greetlib'"), missing.describe());
            assertEquals(1, compiledModules(prefix, "env_packages").size(), missing.describe());
            assertEquals(List.of(), compiledModules(fixture.project, "env_packages"), missing.describe());
        } finally {
            Files.delete(tool);
            Files.delete(module);
        }
    }

    /** The file names of the module's compiled forms ({@code .pyc}) anywhere below a folder. */
    private static List<String> compiledModules(Path folder, String module) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.endsWith(".pyc") && (module.isEmpty() || name.startsWith(module + ".")))
                    .toList();
        }
    }

    /** The file names of every compiled module ({@code .pyc}) anywhere below a folder. */
    private static List<String> compiledModules(Path folder) throws IOException {
        return compiledModules(folder, "");
    }

    /**
     * The Python zip carries GraalPy's Python home unpacked (lib/polyglot): Python runs where HOME cannot be written,
     * as in a read-only container, where GraalPy would otherwise have no place to unpack it.
     */
    @Test
    void pythonRunsWhereHomeCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(fixture.project.resolveSibling("home-is-a-file"), "");
        CommandResult result = fixture.mxcp.run(fixture.project, Map.of("HOME", notAFolder.toString(),
                "XDG_CACHE_HOME", "", "MXCP_CONFIG", fixture.userConfig.toString()),
                "run", "tool", "add", "--param", "a=2", "--param", "b=3", "--json-output");
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals(5, result.json().path("result").asInt(), result.describe());
    }

    /** A Python home that cannot be found is reported with the folder it was looked for in. */
    @Test
    void aMissingPythonHomeNamesWhereItWasLookedFor() throws IOException {
        Path empty = Files.createDirectories(fixture.project.resolveSibling("no-polyglot-resources"));
        CommandResult result = fixture.mxcp.run(fixture.project,
                Map.of("MXCP_JAVA_OPTS", "-Dpolyglot.engine.resourcePath=" + empty), "run", "tool", "add", "--param",
                "a=2", "--param", "b=3");
        assertEquals(1, result.exitCode(), result.describe());
        assertTrue(result.stderr().contains("Failed to create RuntimeEnvironment: GraalPy found no Python standard "
                + "library (No module named 'importlib'): its Python home is missing from " + empty
                + " (polyglot.engine.resourcePath)"), result.describe());
    }

    /** Spec 01 §5.7 QUIRK: get_secret reads the active profile's secrets, also when --profile picks another one. */
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

    /** Spec 01 §6.3: a UDF sees the caller of the statement on every row, whichever of DuckDB's threads runs it. */
    @Test
    void pluginUdfsSeeTheCallerOnEveryRowAndTakeThreeParameters() {
        assertEquals("[{\"who\":\"row:alice\",\"wrapped\":\"[x]\"}]",
                run("udf_caller", "--user-context", "{\"username\": \"alice\"}").toString());
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

    @Test
    void aCommandRunningNoPythonDoesNotStartItWithoutPluginsOrLifecycleHooks() throws IOException {
        Path project = Files.createDirectories(fixture.project.resolveSibling("no-hooks"));
        Files.writeString(project.resolve("mxcp-site.yml"), "mxcp: 1\nproject: no_hooks\nprofile: default\n");
        Files.writeString(Files.createDirectories(project.resolve("python")).resolve("shout.py"),
                "def shout(text: str) -> str:\n    return text.upper()\n");
        Files.writeString(Files.createDirectories(project.resolve("tools")).resolve("shout.yml"), """
                mxcp: 1
                tool:
                  name: shout
                  language: python
                  source: {file: ../python/shout.py}
                  parameters: [{name: text, type: string, description: t}]
                  return: {type: string}
                """);

        CommandResult query = fixture.mxcp.run(project, "query", "SELECT 41 + 1 AS answer", "--debug");
        assertEquals(0, query.exitCode(), query.describe());
        assertTrue(query.stdout().contains("42"), query.describe());
        assertFalse(query.stderr().contains(ENGINE_STARTED), query.describe());

        CommandResult call = fixture.mxcp.run(project, "run", "tool", "shout", "--param", "text=hi", "--debug");
        assertEquals(0, call.exitCode(), call.describe());
        assertTrue(call.stdout().contains("HI"), call.describe());
        assertTrue(call.stderr().contains(ENGINE_STARTED), call.describe());
    }

    @Test
    void aWrongReturnTypeNamesFileAndFunction() {
        CommandResult text = fixture.mxcp.run(fixture.project, "run", "tool", "wrong_type", "--param", "shape=dict");
        assertEquals(1, text.exitCode(), text.describe());
        assertTrue(text.stderr().contains("Error: Output validation failed: Expected integer, got dict"
                + " (returned by function 'wrong_type' in python/calc.py)"), text.describe());
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
    void reloadDuckdbNeedsAServer() {
        assertTrue(runError("reload_failing").startsWith("Server reference not available in context. This function can"
                + " only be called from within MXCP server endpoints. (RuntimeError at python/reloads.py:"));
    }
}
