package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CEL policies from the command line (spec 03 §2, spec 02 `run --user-context`, spec 02b `test`): the
 * policy-guarded tool the MCP client tests call, run as different users, its own tests, and `validate` on a
 * condition that cannot compile.
 */
class PolicyCliIT {

    private static Path work;
    private static Mxcp mxcp;
    private static Path project;

    @BeforeAll
    static void project() throws IOException {
        work = Distribution.freshWorkFolder(PolicyCliIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        project = Files.createDirectories(work.resolve("payroll"));
        Files.writeString(project.resolve("mxcp-site.yml"), "mxcp: 1\nproject: payroll\nprofile: default\n");
        Files.createDirectories(project.resolve("tools"));
        Files.copy(Distribution.clientScripts().resolve("project-extras/tools/salary.yml"),
                project.resolve("tools/salary.yml"));
    }

    @AfterAll
    static void nothingLeftRunning() {
        Leftovers.assertNone(mxcp);
    }

    @Test
    void theRunBannerDoesNotEchoASensitiveParameter() throws IOException {
        Path pins = Files.createDirectories(work.resolve("pins/tools")).getParent();
        Files.writeString(pins.resolve("mxcp-site.yml"), "mxcp: 1\nproject: pins\nprofile: default\n");
        Files.writeString(pins.resolve("tools/pin_check.yml"), """
                mxcp: 1
                tool:
                  name: pin_check
                  description: checks a pin
                  parameters:
                    - {name: user, type: string, description: who}
                    - {name: pin, type: string, sensitive: true, description: the pin}
                  return: {type: boolean}
                  source: {code: "SELECT length($pin) = 4 AND $user IS NOT NULL"}
                """);
        CommandResult run = mxcp.run(pins, "run", "tool", "pin_check", "--param", "user=ann", "--param",
                "pin=4711");
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("• user = ann"), run::describe);
        assertTrue(run.stdout().contains("• pin = [REDACTED]"), run::describe);
        assertFalse(run.stdout().contains("4711"), run::describe);
    }

    @Test
    void anInputRuleDeniesWithItsReason() {
        CommandResult denied = mxcp.run(project, "run", "tool", "salary", "--param", "who=ceo", "--json-output");
        assertEquals(1, denied.exitCode(), denied::describe);
        assertEquals("Policy enforcement failed: The CEO's salary is private", denied.json().path("error").asText(),
                denied::describe);

        CommandResult board = salaryAs("ceo", "{\"role\":\"board\"}");
        assertEquals(0, board.exitCode(), board::describe);
        assertEquals("ceo", board.json().path("result").path("who").asText(), board::describe);
    }

    @Test
    void anOutputRuleRemovesSensitiveValuesForAllButItsRole() {
        CommandResult staff = salaryAs("ann", "{\"user_id\":\"u7\",\"role\":\"staff\"}");
        assertEquals(0, staff.exitCode(), staff::describe);
        assertEquals(Json.parse("{\"status\":\"ok\",\"result\":{\"who\":\"ann\"}}", "expected"), staff.json(),
                staff::describe);

        CommandResult hr = salaryAs("ann", "{\"role\":\"hr\"}");
        assertEquals(0, hr.exitCode(), hr::describe);
        assertEquals(5200.5, hr.json().path("result").path("salary").asDouble(), hr::describe);
    }

    @Test
    void testRunsTheEndpointsTestsAsTheirOwnUsersUnlessTheCommandLineNamesOne() {
        CommandResult own = mxcp.run(project, "test", "--json-output");
        assertEquals(0, own.exitCode(), own::describe);
        JsonNode run = own.json().path("result");
        assertEquals("ok", run.path("status").asText(), own::describe);
        assertEquals(2, run.path("tests_run").asInt(), own::describe);
        assertEquals("tool/salary", run.path("endpoints").path(0).path("endpoint").asText(), own::describe);

        CommandResult asStaff = mxcp.run(project, "test", "tool", "salary", "--user-context", "{\"role\":\"staff\"}");
        assertEquals(1, asStaff.exitCode(), asStaff::describe);
        assertTrue(asStaff.stdout().contains("✗ hr sees the amount"), asStaff::describe);
        assertTrue(asStaff.stdout().contains("Result does not match expected output."), asStaff::describe);
        assertTrue(asStaff.stdout().contains("✓ staff do not"), asStaff::describe);
    }

    @Test
    void validateNamesAConditionThatCannotCompile() throws IOException {
        Path broken = Files.writeString(project.resolve("tools/broken.yml"), """
                mxcp: 1
                tool:
                  name: broken
                  parameters: [{name: who, type: string, description: Employee}]
                  source: {code: "SELECT $who AS who"}
                  policies:
                    input: [{condition: "user.role = 'admin'", action: deny}]
                """);
        try {
            CommandResult validate = mxcp.run(project, "validate", "--json-output");
            assertEquals(1, validate.exitCode(), validate::describe);
            assertTrue(validate.stdout().contains("Policy input[0] condition 'user.role = 'admin'' does not compile"),
                    validate::describe);
            // the original serves such an endpoint (the rule never holds): serve starts, and says why it is wrong
            CommandResult serve = mxcp.run(project, "serve", "--transport", "stdio");
            assertEquals(0, serve.exitCode(), serve::describe);
            assertTrue(serve.stderr().contains("tools/broken.yml: Policy input[0] condition 'user.role = 'admin'' "
                    + "does not compile"), serve::describe);
            assertTrue(serve.stderr().contains("this rule counts as false at every call"), serve::describe);
        } finally {
            Files.delete(broken);
        }
    }

    private static CommandResult salaryAs(String who, String userContext) {
        return mxcp.run(project, "run", "tool", "salary", "--param", "who=" + who, "--user-context", userContext,
                "--json-output");
    }
}
