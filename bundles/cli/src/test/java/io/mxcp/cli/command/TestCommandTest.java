package io.mxcp.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mxcp.cli.fakes.Cli;

class TestCommandTest extends ProjectFolderTest {

    @BeforeEach
    void testedTool() {
        project.withTestedTool("hello", "tools/hello.yml",
                List.of(Map.of("name", "greets", "arguments", List.of(Map.of("key", "who", "value", "Ada")),
                        "result", "Hello, Ada!")));
    }

    @Test
    void onATerminalTheEndpointUnderTestIsShownWhileItRuns() {
        cli.interactive = true;
        project.result = "Hello, Ada!";
        Cli.Outcome outcome = cli.run("test");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("⏳ Testing tool/hello..."), outcome.err());
        assertTrue(outcome.out().contains("🎉 All tests passed!"), outcome.out());
        assertEquals(Map.of("who", "Ada"), project.calledArguments);
        assertEquals(1, project.runtimeInitializations, "the whole runtime (plugins, on_init) before the first test");
    }

    /** The report with each time as {@code T}. */
    private String report(String... args) {
        return cli.run(args).out().replaceAll("\\d+\\.\\d{2}s", "Ts");
    }

    @Test
    void theReportListsEachEndpointWithItsFileAndEachTestWithItsTimeAsTheOriginalDoes() {
        project.result = "Hello, Ada!";
        assertEquals("""

                🧪 Test Execution Summary
                   Tested 1 endpoints
                   • 1 passed

                ✅ Passed tests:

                  ✓ tool/hello (tools/hello.yml)
                    ✓ greets (Ts)

                🎉 All tests passed!

                ⏱️  Total time: Ts
                """, report("test"));

        project.result = "Hello, Bob!";
        assertEquals("""

                🧪 Test Execution Summary
                   Tested 1 endpoints
                   • 1 failed

                ❌ Failed tests:

                  ✗ tool/hello (tools/hello.yml)
                    ✗ greets (Ts)
                      Error: Result does not match expected output.
                        Expected: Hello, Ada!
                        Got: Hello, Bob!

                💡 Tip: Review the errors above and fix the failing tests

                ⏱️  Total time: Ts
                """, report("test"));
        assertEquals("""
                ❌ Some tests failed!

                📋 Test Results:
                  ✗ greets (Ts)
                    Error: Result does not match expected output.
                      Expected: Hello, Ada!
                      Got: Hello, Bob!
                """, report("test", "tool", "hello"));
        assertEquals("""
                ❌ Some tests failed!
                Error: Endpoint not found: tool/nope
                """, report("test", "tool", "nope"), "no test results to show");
    }

    @Test
    void aFailedTestExitsOneAndTheJsonNamesTheAssertion() {
        project.result = "Hello, Bob!";
        Cli.Outcome outcome = cli.run("test", "--json-output", "--user-context", "{\"role\":\"admin\"}");
        assertEquals(1, outcome.exit());
        assertFalse(outcome.err().contains("Testing"), "no progress off a terminal: " + outcome.err());
        assertTrue(outcome.out().contains("\"status\": \"failed\""), outcome.out());
        assertTrue(outcome.out().contains("\"endpoint\": \"tool/hello\""), outcome.out());
        assertTrue(outcome.out().contains(
                "\"error\": \"Result does not match expected output.\\nExpected: Hello, Ada!\\nGot: Hello, Bob!\""),
                outcome.out());
        assertEquals("cli", project.calledOptions.user().provider(), "the command line's user replaces the test's");
    }
}
