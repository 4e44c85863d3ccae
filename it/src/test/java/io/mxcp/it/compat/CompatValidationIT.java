package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * Fixture category "validation" (spec 01 §8, rules of §2.11, §0.4, §1.5): a project with one bad file per rule
 * and one good file; {@code mxcp validate} reports every bad file with the spec's message and exits 1.
 */
class CompatValidationIT {

    /** Root-relative path → the message {@code validate} must give for it (null: valid). */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    private static Mxcp mxcp;
    private static ProjectFolder project;
    private static CommandResult all;
    private static CommandResult human;
    private static CommandResult singleValid;
    private static CommandResult singleInvalid;
    private static CommandResult notAFile;

    @BeforeAll
    static void validateTheProject() {
        Path work = Workspace.forClass(CompatValidationIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = ProjectFolder.create(work, "validation");
        tool("tools/ok.yml", "ok", "  parameters:\n    - {name: a, type: string, description: a}\n", "SELECT $a AS a", null);
        tool("tools/bad-param-name.yml", "bad_param_name", "  parameters:\n    - {name: 1x, type: string, description: x}\n",
                "SELECT 1", "tool.parameters.0.name: Value error, Parameter name must start with a letter or underscore");
        tool("tools/unused-param.yml", "unused_param",
                "  parameters:\n    - {name: a, type: string, description: a}\n    - {name: extra_param, type: string, description: b}\n",
                "SELECT $a AS a", "Parameter mismatch: missing=set(), extra={'extra_param'}");
        tool("tools/undeclared-param.yml", "undeclared_param", "", "SELECT $x AS x",
                "Parameter mismatch: missing={'x'}, extra=set()");
        tool("tools/syntax-error.yml", "syntax_error", "", "SELEC 1", null);
        EXPECTED.put("tools/syntax-error.yml", "Source code syntax validation failed: Parser Error: syntax error at or near \"SELEC\"");
        tool("tools/missing-table.yml", "missing_table", "", "SELECT * FROM no_such_table", null);
        EXPECTED.put("tools/missing-table.yml",
                "Source code syntax validation failed: Catalog Error: Table with name no_such_table does not exist!");
        project.write("tools/missing-file.yml",
                "mxcp: 1\ntool:\n  name: missing_file\n  description: d\n  source:\n    file: ../sql/nope.sql\n");
        EXPECTED.put("tools/missing-file.yml", "Error resolving source code: ");
        project.write("tools/type-123.yml", "mxcp: 1\ntool:\n  name: type_123\n  description: d\n  parameters:\n"
                + "    - {name: a, type: 123, description: a}\n  source:\n    code: SELECT $a\n");
        EXPECTED.put("tools/type-123.yml",
                "tool.parameters.0.type: Input should be 'string', 'number', 'integer', 'boolean', 'array' or 'object'");
        project.write("tools/return-list.yml",
                "mxcp: 1\ntool:\n  name: return_list\n  description: d\n  return: []\n  source:\n    code: SELECT 1\n");
        EXPECTED.put("tools/return-list.yml",
                "tool.return: Input should be a valid dictionary or instance of TypeDefinitionModel");
        project.write("tools/code-true.yml", "mxcp: 1\ntool:\n  name: code_true\n  description: d\n  source:\n    code: true\n");
        EXPECTED.put("tools/code-true.yml", "tool.source.code: Input should be a valid string");
        project.write("tools/unknown-key.yml",
                "mxcp: 1\ntool:\n  name: unknown_key\n  colour: blue\n  source:\n    code: SELECT 1\n");
        EXPECTED.put("tools/unknown-key.yml", "tool.colour: Extra inputs are not permitted");
        project.write("tools/empty.yml", "# nothing here yet\n");
        EXPECTED.put("tools/empty.yml", "Endpoint file is empty");
        tool("tools/dup-a.yml", "dup", "", "SELECT 1 AS one", "Duplicate endpoint name 'dup' found in: tools/dup-a.yml, tools/dup-b.yml");
        tool("tools/dup-b.yml", "dup", "", "SELECT 2 AS two", "Duplicate endpoint name 'dup' found in: tools/dup-a.yml, tools/dup-b.yml");
        for (String file : List.of("resources/dup-1.yml", "resources/dup-2.yml")) {
            project.write(file, "mxcp: 1\nresource:\n  uri: \"x://{id}\"\n  description: d\n  parameters:\n"
                    + "    - {name: id, type: string, description: id}\n  source:\n    code: SELECT $id AS id\n");
            EXPECTED.put(file, "Duplicate endpoint URI 'x://{id}' found in: resources/dup-1.yml, resources/dup-2.yml");
        }
        project.write("resources/unused.yml", "mxcp: 1\nresource:\n  uri: \"r://{a}\"\n  description: d\n  parameters:\n"
                + "    - {name: a, type: string, description: a}\n    - {name: b, type: string, description: b}\n"
                + "  source:\n    code: SELECT $a AS a, $b AS b\n");
        EXPECTED.put("resources/unused.yml",
                "Resource parameter(s) ['b'] are not used in uri 'r://{a}'. Put them in the uri or make a 'tool:' instead.");
        project.write("prompts/no-messages.yml", "mxcp: 1\nprompt:\n  name: no_messages\n  messages: []\n");
        EXPECTED.put("prompts/no-messages.yml", "No messages found in prompt definition");
        project.write("prompts/undefined-simple.yml", "mxcp: 1\nprompt:\n  name: undefined_simple\n  parameters:\n"
                + "    - {name: who, type: string, description: who}\n  messages:\n"
                + "    - {role: user, prompt: \"Hello {{ who }}\"}\n    - {role: user, prompt: \"And {{ other }} too\"}\n");
        EXPECTED.put("prompts/undefined-simple.yml", "Message 1 uses undefined template variables: other");
        project.write("prompts/undefined-complex.yml", "mxcp: 1\nprompt:\n  name: undefined_complex\n  parameters:\n"
                + "    - {name: items, type: array, description: items}\n  messages:\n"
                + "    - role: user\n      prompt: \"{% set n = 1 %}{% for i in items %}{{ i.name }} {{ zeta.attr }}{% endfor %}"
                + "{{ n }} {{ alpha | upper }}\"\n");
        EXPECTED.put("prompts/undefined-complex.yml", "Message 0 uses undefined template variables: alpha, zeta");

        List<CommandResult> results = Batch.run(mxcp, List.of(
                Invocation.in(project.root(), "validate", "--json-output"),
                Invocation.in(project.root(), "validate"),
                Invocation.in(project.root(), "validate", "tools/ok.yml", "--json-output"),
                Invocation.in(project.root().resolve("tools"), "validate", "unused-param.yml", "--json-output"),
                Invocation.in(project.root(), "validate", "ok", "--json-output")));
        all = results.get(0);
        human = results.get(1);
        singleValid = results.get(2);
        singleInvalid = results.get(3);
        notAFile = results.get(4);
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void everyBadFileIsReportedWithTheSpecsMessage() {
        assertEquals(1, all.exitCode(), "validate exits 1 when a file is invalid (deliberate improvement)\n" + all.describe());
        JsonNode payload = all.json().path("result");
        assertEquals("error", payload.path("status").asText(), all::describe);
        Map<String, JsonNode> byPath = new LinkedHashMap<>();
        payload.path("validated").forEach(entry -> byPath.put(entry.path("path").asText(), entry));
        assertEquals(EXPECTED.keySet(), byPath.keySet(), all::describe);
        EXPECTED.forEach((path, message) -> {
            JsonNode entry = byPath.get(path);
            if (message == null) {
                assertEquals(Outcomes.json("{\"status\": \"ok\", \"path\": \"" + path + "\"}"), entry, path);
            } else {
                assertEquals("error", entry.path("status").asText(), path + ": " + entry);
                String actual = entry.path("message").asText();
                // DuckDB's and the file system's texts go on after the spec's part (line, position, errno)
                assertTrue(actual.equals(message) || actual.startsWith(message) && endsOpen(path),
                        path + "\nexpected: " + message + "\nactual:   " + actual);
            }
        });
    }

    @Test
    void humanReportListsFailuresSortedThenPasses() {
        assertEquals(1, human.exitCode(), human::describe);
        String out = human.stdout();
        assertTrue(out.contains("Validated " + EXPECTED.size() + " endpoint files"), out);
        assertTrue(out.contains("• 1 passed"), out);
        assertTrue(out.contains("• " + (EXPECTED.size() - 1) + " failed"), out);
        assertTrue(out.indexOf("✗ prompts/no-messages.yml") < out.indexOf("✗ tools/bad-param-name.yml"), out);
        assertTrue(out.contains("Error: Endpoint file is empty"), out);
        assertTrue(out.indexOf("❌ Failed validation:") < out.indexOf("✓ tools/ok.yml"), out);
    }

    @Test
    void oneFileByPathRelativeToTheCurrentFolder() {
        assertEquals(Outcomes.json("{\"status\": \"ok\", \"path\": \"tools/ok.yml\"}"), Outcomes.result(singleValid));
        assertEquals(1, singleInvalid.exitCode(), singleInvalid::describe);
        assertEquals(Outcomes.json("{\"status\": \"error\", \"path\": \"tools/unused-param.yml\", "
                + "\"message\": \"Parameter mismatch: missing=set(), extra={'extra_param'}\"}"),
                singleInvalid.json().path("result"), singleInvalid::describe);
    }

    @Test
    void anEndpointNameIsNotAFile() {
        assertEquals(1, notAFile.exitCode(), notAFile::describe);
        assertEquals(Outcomes.json("{\"status\": \"error\", \"path\": \"ok\", "
                + "\"message\": \"Endpoint file not found or not a valid endpoint\"}"), notAFile.json().path("result"));
    }

    private static boolean endsOpen(String path) {
        return path.contains("syntax-error") || path.contains("missing-table") || path.contains("missing-file");
    }

    private static void tool(String path, String name, String parameters, String sql, String message) {
        project.write(path, "mxcp: 1\ntool:\n  name: " + name + "\n  description: d\n" + parameters
                + "  source:\n    code: \"" + sql.replace("\"", "\\\"") + "\"\n");
        EXPECTED.put(path, message);
    }
}
