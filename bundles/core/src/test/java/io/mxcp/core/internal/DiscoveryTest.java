package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.EndpointException;
import io.mxcp.core.api.Project;
import io.mxcp.core.internal.discovery.EndpointDiscovery;
import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;

class DiscoveryTest {

    @TempDir
    Path dir;

    private static final CallOptions ANONYMOUS = new CallOptions(null, Map.of(), null, false);
    private static final String TOOL = "mxcp: 1\ntool:\n  name: %s\n  source: {code: \"SELECT 1\"}\n";

    private List<String> describe(Project project) {
        return project.endpoints().stream()
                .map(e -> e.relativePath() + " " + e.kind().yamlKey() + " " + (e.loaded() ? e.identifier() : "ERROR " + e.error()))
                .toList();
    }

    @Test
    void discoversSortedYmlFilesAndReportsBadOnes() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/b.yml", TOOL.formatted("b"))
                .write("tools/a.yml", TOOL.formatted("a"))
                .write("tools/ignored.yaml", TOOL.formatted("yaml"))
                .write("tools/empty.yml", "# only a comment\n")
                .write("tools/off.yml", "tool:\n  name: dormant\n  enabled: false\n  source: {code: x}\n")
                .write("tools/prompt-here.yml", "prompt:\n  name: p\n  messages: [{prompt: hi}]\n")
                .write("tools/.hidden/c.yml", TOOL.formatted("c"))
                .write("tools/bad.yml", "tool:\n  name: bad\n  parameters: [{type: string}]\n  source: {code: x}\n")
                .write("resources/r.yml", "resource:\n  uri: \"item://{id}\"\n  parameters: [{name: id, type: string}]\n  source: {code: x}\n")
                .write("prompts/sub/p.yml", "prompt:\n  name: greet\n  messages: [{prompt: hi}]\n");
        try (Project project = f.open()) {
            assertEquals(List.of(
                    "tools/.hidden/c.yml tool c",
                    "tools/a.yml tool a",
                    "tools/b.yml tool b",
                    "tools/bad.yml tool ERROR tool.parameters.0.name: Field required",
                    "tools/empty.yml tool ERROR Endpoint file is empty",
                    "resources/r.yml resource item://{id}",
                    "prompts/sub/p.yml prompt greet"), describe(project));
        }
    }

    @Test
    void duplicatesAcrossKindsMarkEveryInvolvedFile() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/one.yml", TOOL.formatted("same"))
                .write("tools/two.yml", TOOL.formatted("same"))
                .write("prompts/same.yml", "prompt:\n  name: same\n  messages: [{prompt: hi}]\n")
                .write("resources/a.yml", "resource:\n  uri: \"x://a\"\n  source: {code: x}\n")
                .write("resources/b.yml", "resource:\n  uri: \"x://a\"\n  source: {code: x}\n");
        try (Project project = f.open()) {
            List<DiscoveredEndpoint> found = project.endpoints();
            String names = "Duplicate endpoint name 'same' found in: tools/one.yml, tools/two.yml, prompts/same.yml";
            String uris = "Duplicate endpoint URI 'x://a' found in: resources/a.yml, resources/b.yml";
            assertEquals(List.of(names, names, uris, uris, names), found.stream().map(DiscoveredEndpoint::error).toList());
            assertNull(found.get(0).definition());
        }
    }

    @Test
    void definitionErrorsUsePydanticWording() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n");
        String[][] cases = {
                {"tool:\n  name: t\n  parameters: [{name: p, type: 123}]\n  source: {code: x}\n",
                        "tool.parameters.0.type: Input should be 'string', 'number', 'integer', 'boolean', 'array' or 'object'"},
                {"tool:\n  name: t\n  return: []\n  source: {code: x}\n",
                        "tool.return: Input should be a valid dictionary or instance of TypeDefinitionModel"},
                {"tool:\n  name: t\n  source: {code: true}\n", "tool.source.code: Input should be a valid string"},
                {"tool:\n  name: t\n  source: {code: x, file: y.sql}\n",
                        "tool.source: Value error, Source must provide exactly one of 'code' or 'file'"},
                {"tool:\n  name: t\n  parameters: [{name: 1abc, type: string}]\n  source: {code: x}\n",
                        "tool.parameters.0.name: Value error, Parameter name must start with a letter or underscore"},
                {"tool:\n  name: t\n  colour: red\n  source: {code: x}\n", "tool.colour: Extra inputs are not permitted"},
                {"tool:\n  name: t\n  source: {code: x}\n  tests: [{name: t1}]\n", "tool.tests.0.arguments: Field required"},
                {"tool:\n  name: t\n  source: {code: x}\n  tests: [{name: t1, arguments: [{key: a}]}]\n",
                        "tool.tests.0.arguments.0.value: Field required"},
                {"tool:\n  name: t\n  return: {type: string}\n  return_: {type: integer}\n  source: {code: x}\n",
                        "tool.return_: Extra inputs are not permitted"},
                {"mxcp: abc\ntool:\n  name: t\n  source: {code: x}\n",
                        "mxcp: Input should be a valid integer, unable to parse string as an integer"},
                {"metadata: {a: 1}\n", "Value error, Endpoint definition must include a tool, resource, or prompt definition"},
                {"tool: {name: t, source: {code: x}}\nprompt: {name: p, messages: []}\n",
                        "Value error, Endpoint definition must contain exactly one endpoint type"},
                {"- a\n- b\n", "Input should be a valid dictionary or instance of EndpointDefinitionModel"},
                {"tool:\n  name: t\n  parameters: [{name: p, type: string, minLength: -1}]\n  source: {code: x}\n",
                        "tool.parameters.0.minLength: Input should be greater than or equal to 0"},
        };
        for (String[] c : cases) {
            f.write("tools/t.yml", c[0]);
            try (Project project = f.open()) {
                assertEquals(c[1], project.endpoints().get(0).error(), c[0]);
            }
        }
    }

    @Test
    void parameterNamesMayUseEveryLetterAndNumberPythonCountsAsAlphanumeric() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/t.yml", "tool:\n  name: t\n  parameters: [{name: a², type: string}, {name: aⅧ, type: string},"
                        + " {name: straße_½, type: string}]\n  source: {code: x}\n");
        try (Project project = f.open()) {
            assertNull(project.endpoints().get(0).error());
            assertEquals(3, project.endpoints().get(0).definition().parameters().size());
        }
    }

    @Test
    void lookupSeesEditsAndIgnoresDisabledEndpoints() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/t.yml", TOOL.formatted("t"));
        try (Project project = f.open()) {
            DefaultProject p = (DefaultProject) project;
            assertEquals("SELECT 1", p.discovery().find(EndpointKind.TOOL, "t").orElseThrow().source().code());
            f.write("tools/t.yml", "tool:\n  name: t\n  source: {code: \"SELECT 22\"}\n");
            java.nio.file.Files.setLastModifiedTime(dir.resolve("tools/t.yml"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertEquals("SELECT 22", p.discovery().find(EndpointKind.TOOL, "t").orElseThrow().source().code());
            f.write("tools/t.yml", "tool:\n  name: t\n  enabled: false\n  source: {code: \"SELECT 22\"}\n");
            assertEquals(java.util.Optional.empty(), p.discovery().find(EndpointKind.TOOL, "t"));
        }
    }

    @Test
    void aCallToAnEndpointWhoseFileBrokeNamesTheFileAndTheProblem() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/t.yml", TOOL.formatted("t"));
        try (Project project = f.open()) {
            DefaultProject p = (DefaultProject) project;
            p.discovery().discover(); // as serve does at start: nothing called yet
            f.write("tools/t.yml", "tool:\n  name: t\n  description: [broken\n");
            EndpointException broken = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "t", Map.of(), ANONYMOUS));
            assertEquals(EndpointException.Reason.EXECUTION_FAILED, broken.reason());
            assertTrue(broken.getMessage().startsWith("Endpoint file tools/t.yml is invalid: while parsing a flow "
                    + "sequence"), broken.getMessage());

            java.nio.file.Files.delete(dir.resolve("tools/t.yml"));
            EndpointException gone = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "t", Map.of(), ANONYMOUS));
            assertEquals("Endpoint 't' not found in tools", gone.getMessage());
        }
    }

    @Test
    void aCallToAnEndpointWhoseFileNeverLoadedNamesTheFileAndTheProblem() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/ok.yml", TOOL.formatted("ok"))
                .write("tools/wrong-type.yml", "mxcp: 1\ntool:\n  name: typed\n  parameters:\n"
                        + "    - {name: n, type: int, description: a number}\n  source: {code: \"SELECT $n\"}\n")
                .write("resources/wrong-key.yml",
                        "mxcp: 1\nresource:\n  uri: data://x\n  sorce: {code: \"SELECT 1\"}\n");
        try (Project project = f.open()) {
            EndpointException typed = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.TOOL, "typed", Map.of("n", 1), ANONYMOUS));
            assertEquals(EndpointException.Reason.EXECUTION_FAILED, typed.reason());
            assertTrue(typed.getMessage().startsWith("Endpoint file tools/wrong-type.yml is invalid: tool.parameters.0"
                    + ".type"), typed.getMessage());
            EndpointException resource = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.RESOURCE, "data://x", Map.of(), ANONYMOUS));
            assertTrue(resource.getMessage().startsWith("Endpoint file resources/wrong-key.yml is invalid: "),
                    resource.getMessage());
            EndpointException other = assertThrows(EndpointException.class,
                    () -> project.execute(EndpointKind.PROMPT, "typed", Map.of(), ANONYMOUS));
            assertEquals("Endpoint 'typed' not found in prompts", other.getMessage(), "a tool's file names no prompt");
        }
    }

    @Test
    void aYamlFileIsPassedOverWithAWarningOnce() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/t.yml", TOOL.formatted("t")).write("tools/u.yaml", TOOL.formatted("u"));
        try (WarningLog log = WarningLog.of(EndpointDiscovery.class); Project project = f.open()) {
            assertEquals(List.of("t"), project.endpoints().stream().map(DiscoveredEndpoint::identifier).toList());
            project.endpoints();
            assertEquals(List.of("Skipping tools/u.yaml: endpoint files are read only when their name ends in .yml"),
                    log.warnings());
        }
    }
}
