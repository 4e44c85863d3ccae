package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's first minutes: `mxcp init --bootstrap`, then list, validate, lint and run the hello world tool. */
class CliBootstrapIT {

    private static final String PROJECT = "hello-project";

    private static Path work;
    private static Mxcp mxcp;
    private static Path project;
    private static CommandResult init;

    @BeforeAll
    static void bootstrap() {
        work = Distribution.freshWorkFolder(CliBootstrapIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        init = mxcp.run(work, "init", PROJECT, "--bootstrap");
        project = work.resolve(PROJECT);
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void initBootstrapWritesTheProjectFiles() throws IOException {
        assertEquals(0, init.exitCode(), init::describe);
        assertEquals("mxcp: 1\nprofile: default\nproject: " + PROJECT + "\n",
                Files.readString(project.resolve("mxcp-site.yml")));
        for (String folder : List.of("tools", "resources", "prompts", "evals", "python", "plugins", "sql", "drift",
                "audit", "data")) {
            assertTrue(Files.isDirectory(project.resolve(folder)), "folder " + folder + " was not created");
        }
        assertEquals("SELECT 'Hello, ' || $name || '!' as greeting",
                Files.readString(project.resolve("sql/hello-world.sql")).strip());
        assertTrue(Files.isRegularFile(project.resolve("data/db-default.duckdb")), "the DuckDB file was not created");
        assertFalse(Files.exists(project.resolve("server_config.json")), "server_config.json written without asking");
    }

    @Test
    void bootstrappedToolDefinitionIsTheSpecsHelloWorld() throws IOException {
        JsonNode tool = new ObjectMapper(new YAMLFactory()).readTree(project.resolve("tools/hello-world.yml").toFile());
        assertEquals(1, tool.path("mxcp").asInt(), tool::toPrettyString);
        JsonNode definition = tool.path("tool");
        assertEquals(List.of("name", "description", "enabled", "parameters", "return", "source"),
                fieldNames(definition), "keys of tool, in order");
        assertEquals("hello_world", definition.path("name").asText());
        assertEquals("A simple hello world tool", definition.path("description").asText());
        assertTrue(definition.path("enabled").asBoolean(false));
        JsonNode parameter = definition.path("parameters").path(0);
        assertEquals(1, definition.path("parameters").size());
        assertEquals("name", parameter.path("name").asText());
        assertEquals("string", parameter.path("type").asText());
        assertEquals("Name to greet", parameter.path("description").asText());
        assertEquals(Json.MAPPER.valueToTree(List.of("World", "Alice", "Bob")), parameter.path("examples"));
        assertEquals("string", definition.path("return").path("type").asText());
        assertEquals("Greeting message", definition.path("return").path("description").asText());
        assertEquals("../sql/hello-world.sql", definition.path("source").path("file").asText());
    }

    @Test
    void initRefusesToRunInsideAProject() {
        CommandResult nested = mxcp.run(project, "init", "sub");
        assertEquals(1, nested.exitCode(), nested::describe);
        assertTrue(nested.stderr().contains("Error: Cannot create a MXCP repository inside another one"),
                nested::describe);
        assertFalse(Files.exists(project.resolve("sub/mxcp-site.yml")));
    }

    @Test
    void listShowsTheHelloWorldTool() {
        CommandResult human = mxcp.run(project, "list");
        assertEquals(0, human.exitCode(), human::describe);
        assertTrue(human.stdout().contains("hello_world"), human::describe);

        CommandResult json = mxcp.run(project, "list", "--json-output");
        assertEquals(0, json.exitCode(), json::describe);
        JsonNode payload = json.json();
        assertEquals("ok", payload.path("status").asText(), json::describe);
        assertEquals("ok", payload.path("result").path("status").asText(), json::describe);
        JsonNode endpoints = payload.path("result").path("endpoints");
        assertEquals(1, endpoints.size(), json::describe);
        assertEquals("tool", endpoints.path(0).path("kind").asText());
        assertEquals("hello_world", endpoints.path(0).path("name").asText());
        assertEquals("", endpoints.path(0).path("error").asText(), json::describe);
    }

    @Test
    void validatePassesTheBootstrappedProject() {
        CommandResult human = mxcp.run(project, "validate");
        assertEquals(0, human.exitCode(), human::describe);

        CommandResult json = mxcp.run(project, "validate", "--json-output");
        assertEquals(0, json.exitCode(), json::describe);
        assertEquals(Json.parse("""
                {"status":"ok","result":{"status":"ok","validated":[{"status":"ok","path":"tools/hello-world.yml"}]}}
                """, "expected"), json.json(), json::describe);
    }

    @Test
    void lintNamesWhatTheBootstrappedToolsMetadataLacks() {
        CommandResult human = mxcp.run(project, "lint");
        assertEquals(0, human.exitCode(), human::describe);
        assertTrue(human.stdout().contains("Tool has no tests defined"), human::describe);

        CommandResult warnings = mxcp.run(project, "lint", "--severity", "warning", "--json-output");
        assertEquals(0, warnings.exitCode(), warnings::describe);
        JsonNode report = warnings.json().path("result");
        assertEquals(1, report.path("total_files").asInt(), warnings::describe);
        JsonNode issues = report.path("files").path(0).path("issues");
        assertEquals(1, issues.size(), warnings::describe);
        assertEquals("tool.tests", issues.path(0).path("location").asText(), warnings::describe);
        assertEquals("warning", issues.path(0).path("severity").asText(), warnings::describe);
    }

    @Test
    void runGreetsTheWorld() {
        CommandResult human = mxcp.run(project, "run", "tool", "hello_world", "--param", "name=World");
        assertEquals(0, human.exitCode(), human::describe);
        assertTrue(human.stdout().contains("Hello, World!"), human::describe);

        CommandResult json = mxcp.run(project, "run", "tool", "hello_world", "--param", "name=World", "--json-output");
        assertEquals(0, json.exitCode(), json::describe);
        assertEquals(Json.parse("{\"status\":\"ok\",\"result\":\"Hello, World!\"}", "expected"), json.json(),
                json::describe);
    }

    @Test
    void runOfAnUnknownToolFailsWithExitCode1() {
        CommandResult json = mxcp.run(project, "run", "tool", "no_such_tool", "--json-output");
        assertEquals(1, json.exitCode(), json::describe);
        JsonNode payload = json.json();
        assertEquals("error", payload.path("status").asText(), json::describe);
        assertTrue(payload.path("error").asText().contains("no_such_tool"), json::describe);

        CommandResult human = mxcp.run(project, "run", "tool", "no_such_tool");
        assertEquals(1, human.exitCode(), human::describe);
        assertTrue(human.stderr().contains("Error: "), human::describe);
    }

    @Test
    void usageErrorsExitWith2() {
        CommandResult unknownFlag = mxcp.run(project, "list", "--no-such-flag");
        assertEquals(2, unknownFlag.exitCode(), unknownFlag::describe);

        CommandResult badParam = mxcp.run(project, "run", "tool", "hello_world", "--param", "name");
        assertEquals(2, badParam.exitCode(), badParam::describe);
        assertTrue(badParam.stderr().contains(
                "Parameter must be in format name=value or name=@file.json: name"), badParam::describe);
    }

    /**
     * The JVM's temporary folder follows TMPDIR, as other programs' do, so a read-only /tmp can be stepped around;
     * one that cannot be used is named with the variable that moves it.
     */
    @Test
    void theTemporaryFolderIsTmpdir() throws IOException {
        Path notAFolder = Files.writeString(work.resolve("tmp-is-a-file"), "");
        CommandResult refused = mxcp.run(project, Map.of("TMPDIR", notAFolder.toString()), "list");
        assertEquals(1, refused.exitCode(), refused::describe);
        assertTrue(refused.stderr().contains("Cannot start the OSGi framework: its temporary folder " + notAFolder
                + " cannot be used ("), refused::describe);
        assertTrue(refused.stderr().contains("bin/mxcp takes another from TMPDIR"), refused::describe);
        CommandResult json = mxcp.run(project, Map.of("TMPDIR", notAFolder.toString()), "list", "--json-output");
        assertEquals(1, json.exitCode(), json::describe);
        assertEquals("error", json.json().path("status").asText(), json::describe);
        assertTrue(json.json().path("error").asText().startsWith("Cannot start the OSGi framework: "),
                "with --json-output a failure before the command line is a JSON document too: " + json.describe());

        Path temporary = Files.createDirectories(work.resolve("tmp"));
        CommandResult listed = mxcp.run(project, Map.of("TMPDIR", temporary.toString()), "list");
        assertEquals(0, listed.exitCode(), listed::describe);
    }

    /** Desktop MCP clients, cron and most container images start processes without a locale. */
    @Test
    void aProjectWithANonAsciiPathRunsWithoutALocale() {
        Map<String, String> noLocale = Map.of("LC_ALL", "", "LC_CTYPE", "", "LANG", "");
        Path accented = work.resolve("projét à");
        CommandResult created = mxcp.run(work, noLocale, "init", accented.getFileName().toString(), "--bootstrap");
        assertEquals(0, created.exitCode(), created::describe);
        assertTrue(Files.isRegularFile(accented.resolve("data/db-default.duckdb")), created::describe);

        CommandResult greeted = mxcp.run(accented, noLocale, "run", "tool", "hello_world", "--param", "name=Zoë");
        assertEquals(0, greeted.exitCode(), greeted::describe);
        assertTrue(greeted.stdout().contains("Hello, Zoë!"), greeted::describe);

        // a locale the machine lacks is C to the C library
        CommandResult missing = mxcp.run(accented, Map.of("LC_ALL", "", "LC_CTYPE", "", "LANG", "xx_YY.UTF-8"),
                "run", "tool", "hello_world", "--param", "name=Zoë");
        assertEquals(0, missing.exitCode(), missing::describe);
        assertTrue(missing.stdout().contains("Hello, Zoë!"), missing::describe);
    }

    /** MXCP_JAVA_HOME is set for mxcp alone: one it cannot use is named, and another JDK runs the command. */
    @Test
    void anUnusableMxcpJavaHomeIsNamed() {
        Path noJdk = work.resolve("no-jdk-here");
        CommandResult listed = mxcp.run(project, Map.of("MXCP_JAVA_HOME", noJdk.toString()), "list");
        assertEquals(0, listed.exitCode(), listed::describe);
        assertTrue(listed.stderr().contains("mxcp: MXCP_JAVA_HOME=" + noJdk + " is not used: it has no bin/java"),
                listed::describe);
        assertTrue(listed.stdout().contains("hello_world"), listed::describe);
    }

    /** Slim container images carry runtimes made with jlink, which lack what mxcp needs unless told. */
    @Test
    void aJavaRuntimeWithoutTheModulesMxcpNeedsIsPassedOverNamingThem() throws Exception {
        Path runtime = work.resolve("jre-java-se-only");
        Process jlink = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", "java.se", "--output", runtime.toString()).inheritIO().start();
        assertEquals(0, jlink.waitFor());
        CommandResult listed = mxcp.run(project, Map.of("MXCP_JAVA_HOME", runtime.toString()), "list");
        assertEquals(0, listed.exitCode(), listed::describe);
        assertTrue(listed.stderr().contains("mxcp: MXCP_JAVA_HOME=" + runtime + " is not used: it lacks the modules "
                + "jdk.unsupported jdk.management"), listed::describe);
        assertTrue(listed.stdout().contains("hello_world"), listed::describe);
    }

    /** A container's or unit's tight open-file limit is named at once (it failed in dozens of bundle errors). */
    @Test
    void serveUnderATightOpenFileLimitSaysSoAtOnce() throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n 64 && exec \"$@\"", "mxcp"));
        command.addAll(mxcp.commandLine("serve", "--port", String.valueOf(FreePort.find())));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectOutput(
                ProcessBuilder.Redirect.DISCARD);
        mxcp.configure(builder.environment());
        Process serve = builder.start();
        serve.getOutputStream().close();
        String stderr = new String(serve.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, serve.waitFor(), stderr);
        assertEquals("Error: mxcp serve may open only 64 files here (ulimit -n); it needs 128 or more (about 90 to start,"
                + " then one per connection): raise the limit (ulimit -n, LimitNOFILE= in a systemd unit)\n", stderr);
    }

    /** MXCP_DEPLOY names a plugin folder outside the installation (README, "Running as a service": upgrades). */
    @Test
    void mxcpDeployNamesThePluginFolder() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins elsewhere"));
        Files.copy(Distribution.udfExamplesJar(), plugins.resolve("mxcp-udf-examples.jar"));
        String sql = "SELECT rot13('Hello') AS r";
        CommandResult withPlugins = mxcp.run(project, Map.of("MXCP_DEPLOY", plugins.toString()), "query", sql,
                "--json-output");
        assertEquals(0, withPlugins.exitCode(), withPlugins::describe);
        assertEquals("Uryyb", withPlugins.json().path("result").path(0).path("r").asText(), withPlugins::describe);
        CommandResult installationsOwn = mxcp.run(project, "query", sql);
        assertEquals(1, installationsOwn.exitCode(), "the installation's deploy/ has no plugin: "
                + installationsOwn.describe());
        assertTrue(installationsOwn.stderr().contains("rot13"), installationsOwn::describe);
    }

    @Test
    void commandsOutsideAProjectSayWhy() {
        CommandResult outside = mxcp.run(work, "list");
        assertEquals(1, outside.exitCode(), outside::describe);
        assertTrue(outside.stderr().contains("No mxcp-site.yml found in current directory or parents"),
                outside::describe);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
