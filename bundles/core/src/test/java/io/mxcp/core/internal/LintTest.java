package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.lint.EndpointLinter;
import io.mxcp.core.lint.LintIssue;
import io.mxcp.core.model.DiscoveredEndpoint;

/** The metadata rules of {@code mxcp lint} (spec 02 reference §4.1), in their order. */
class LintTest {

    @TempDir
    Path dir;

    @Test
    void reportsWhatTheMetadataLacksInTheReferencesOrder() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/bare.yml", """
                        tool:
                          name: bare
                          parameters:
                            - {name: filter, type: object, properties: {city: {type: string}}}
                          return: {type: array, items: {type: object, properties: {id: {type: integer, description: Id}}}}
                          source: {code: "SELECT 1"}
                          tests: [{name: smoke, arguments: []}]
                        """)
                .write("tools/good.yml", """
                        tool:
                          name: good
                          description: Finds things
                          tags: [search]
                          annotations: {readOnlyHint: true}
                          parameters: [{name: q, type: string, description: Query, examples: [x], default: ""}]
                          return: {type: string, description: A thing}
                          source: {code: "SELECT 1"}
                          tests: [{name: smoke, description: runs, arguments: []}]
                        """)
                .write("prompts/ask.yml", """
                        prompt:
                          name: ask
                          description: Asks
                          tags: [chat]
                          parameters: [{name: topic, type: string, description: Topic, examples: [a]}]
                          messages: [{prompt: "{{ topic }}"}]
                        """)
                .write("tools/broken.yml", "tool: [x]\n");
        try (Project project = f.open()) {
            List<DiscoveredEndpoint> endpoints = project.endpoints();
            List<String> bare = lines(EndpointLinter.lint(find(endpoints, "tools/bare.yml")));
            assertEquals(List.of(
                    "warning tool.description Tool is missing a description",
                    "info tool.tags Tool has no tags",
                    "info tool.tests[0].description Test 'smoke' is missing a description",
                    "error tool.parameters[0].description Parameter 'filter' is missing a description",
                    "info tool.parameters[0].examples Parameter 'filter' has no examples",
                    "info tool.parameters[0].default Parameter 'filter' has no default value",
                    "warning tool.parameters[0].properties.city Property 'city' is missing a description",
                    "warning tool.parameters[0].properties.city Type 'string' is missing a description",
                    "warning tool.return.description Return type is missing a description",
                    "warning tool.return.items Type 'object' is missing a description",
                    "info tool.annotations Tool has no behavioral annotations"), bare);
            assertEquals(List.of(), EndpointLinter.lint(find(endpoints, "tools/good.yml")));
            assertEquals(List.of("info prompt.parameters[0].default Parameter 'topic' has no default value"),
                    lines(EndpointLinter.lint(find(endpoints, "prompts/ask.yml"))));
        }
    }

    /** What no MCP client can use as written: an array or object prompt argument, a role MCP does not have. */
    @Test
    void promptParametersClientsCannotSendAndUnknownRolesAreWarnings() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("prompts/brief.yml", """
                        prompt:
                          name: brief
                          description: Briefs
                          tags: [chat]
                          parameters:
                            - {name: items, type: array, items: {type: string}, description: Items, examples: [[a]], default: []}
                            - {name: who, type: string, description: Who, examples: [a], default: a}
                          messages:
                            - {role: system, prompt: "Be brief"}
                            - {role: Assistant, prompt: "{{ who }}: {{ items | join }}"}
                            - {prompt: "ok"}
                        """);
        try (Project project = f.open()) {
            assertEquals(List.of("warning prompt.parameters[0].type Parameter 'items' is of type array, which MCP clients"
                    + " cannot send: prompt arguments are strings",
                    "warning prompt.messages[1].role Message 1 has role 'Assistant', which MCP clients receive as 'user'"),
                    lines(EndpointLinter.lint(find(project.endpoints(), "prompts/brief.yml"))));
        }
    }

    @Test
    void aDefaultItsOwnTypeRefusesIsAWarningSinceEveryCallLeavingItOutFails() throws Exception {
        ProjectFixture f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/since.yml", """
                        tool:
                          name: since
                          description: Orders since a day
                          tags: [orders]
                          annotations: {readOnlyHint: true}
                          parameters:
                            - {name: day, type: string, format: date, description: Day, examples: ["2024-01-15"],
                               default: 2024-01-15}
                            - {name: unit, type: string, enum: [day, week], description: Unit, examples: [day],
                               default: null}
                            - {name: top, type: integer, description: Top, examples: [3], default: "3"}
                          return: {type: string, description: Orders}
                          source: {code: "SELECT 1"}
                          tests: [{name: smoke, description: runs, arguments: []}]
                        """);
        try (Project project = f.open()) {
            assertEquals(List.of(
                    "warning tool.parameters[0].default Parameter 'day' has a default its own type refuses: Error"
                            + " validating parameter 'day': Expected string for date format, got date",
                    "warning tool.parameters[1].default Parameter 'unit' has a default its own type refuses: Invalid"
                            + " value for unit. Must be one of: ['day', 'week']"),
                    lines(EndpointLinter.lint(find(project.endpoints(), "tools/since.yml"))),
                    "an integer default written as text converts, as an argument would");
        }
    }

    private static DiscoveredEndpoint find(List<DiscoveredEndpoint> endpoints, String path) {
        return endpoints.stream().filter(e -> e.relativePath().equals(path)).findFirst().orElseThrow();
    }

    private static List<String> lines(List<LintIssue> issues) {
        return issues.stream().map(i -> i.severity() + " " + i.location() + " " + i.message()).toList();
    }
}
