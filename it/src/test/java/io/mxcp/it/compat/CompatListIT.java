package io.mxcp.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mxcp.it.CommandResult;
import io.mxcp.it.Distribution;
import io.mxcp.it.Leftovers;
import io.mxcp.it.Mxcp;

/**
 * Fixture category "list" (spec 01 §8, §1.5; spec 02 §1.3): a disabled tool is left out, resources keep their URI
 * templates, prompts are found in subfolders, a tool whose SQL is invalid is listed (list does no semantic
 * validation), and a file that does not load is listed with its error.
 */
class CompatListIT {

    private static Mxcp mxcp;
    private static CommandResult json;
    private static CommandResult human;

    @BeforeAll
    static void listTheProject() {
        Path work = Workspace.forClass(CompatListIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        ProjectFolder project = ProjectFolder.create(work, "listing")
                .write("tools/active.yml", "mxcp: 1\ntool:\n  name: active\n  description: d\n  source:\n    code: SELECT 1 AS one\n")
                .write("tools/disabled.yml", "mxcp: 1\ntool:\n  name: disabled\n  enabled: false\n  source:\n    code: SELECT 1\n")
                .write("tools/invalid-sql.yml", "mxcp: 1\ntool:\n  name: invalid_sql\n  description: d\n"
                        + "  source:\n    code: \"SELECT {{input}}\"\n")
                .write("tools/broken.yml", "mxcp: 1\ntool: [unclosed\n")
                .write("resources/employee.yml", "mxcp: 1\nresource:\n  uri: \"employee://{employee_id}/profile\"\n"
                        + "  parameters:\n    - {name: employee_id, type: string, description: id}\n"
                        + "  source:\n    code: SELECT $employee_id AS id\n")
                .write("prompts/team/deep/welcome.yml", "mxcp: 1\nprompt:\n  name: welcome\n  messages:\n"
                        + "    - {role: user, prompt: Welcome}\n");
        List<CommandResult> results = Batch.run(mxcp, List.of(Invocation.in(project.root(), "list", "--json-output"),
                Invocation.in(project.root(), "list")));
        json = results.get(0);
        human = results.get(1);
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void jsonListsLoadedAndBrokenFilesButNotDisabledOnes() {
        JsonNode payload = Outcomes.result(json);
        assertEquals("error", payload.path("status").asText(), "a file failed to load\n" + json.describe());
        JsonNode endpoints = payload.path("endpoints");
        assertEquals(5, endpoints.size(), json::describe);
        assertEquals(entry("tools/active.yml", "tool", "active"), endpoints.path(0));
        JsonNode broken = endpoints.path(1);
        assertEquals("tools/broken.yml", broken.path("path").asText());
        assertEquals("unknown", broken.path("name").asText());
        assertFalse(broken.path("error").asText().isEmpty(), json::describe);
        assertEquals(entry("tools/invalid-sql.yml", "tool", "invalid_sql"), endpoints.path(2));
        assertEquals(entry("resources/employee.yml", "resource", "employee://{employee_id}/profile"), endpoints.path(3));
        assertEquals(entry("prompts/team/deep/welcome.yml", "prompt", "welcome"), endpoints.path(4));
    }

    @Test
    void humanOutputGroupsValidEndpoints() {
        assertEquals(0, human.exitCode(), human::describe);
        String out = human.stdout();
        assertTrue(out.contains("Found 5 endpoint files"), out);
        assertTrue(out.contains("• 4 valid") && out.contains("• 1 failed"), out);
        assertTrue(out.contains("✗ tools/broken.yml"), out);
        assertTrue(out.contains("✓ employee://{employee_id}/profile (resources/employee.yml)"), out);
        assertTrue(out.contains("✓ welcome (prompts/team/deep/welcome.yml)"), out);
        assertFalse(out.contains("disabled"), out);
    }

    private static JsonNode entry(String path, String kind, String name) {
        return Outcomes.json("{\"path\": \"" + path + "\", \"kind\": \"" + kind + "\", \"name\": \"" + name
                + "\", \"error\": \"\"}");
    }
}
