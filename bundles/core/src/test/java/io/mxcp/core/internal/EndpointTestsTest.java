package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.model.EndpointKind;
import io.mxcp.core.testing.EndpointTestResult;
import io.mxcp.core.testing.EndpointTests;
import io.mxcp.core.testing.SuiteResult;
import io.mxcp.core.testing.TestCaseResult;
import io.mxcp.core.testing.TestRun;
import io.mxcp.sdk.auth.UserContext;

/** Endpoint tests (spec 02b §1): assertions, statuses, user contexts and result normalisation. */
class EndpointTestsTest {

    @TempDir
    Path dir;

    private ProjectFixture f;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/people.yml", """
                        tool:
                          name: people
                          parameters: [{name: n, type: integer}]
                          return: {type: array}
                          source: {code: "SELECT 1"}
                          policies:
                            input: [{condition: "user.role != 'admin'", action: deny, reason: "admins only"}]
                          tests:
                            - {name: all, arguments: [{key: n, value: 2}], user_context: {role: admin},
                               result: [{id: 1, name: Ann}, {id: 2, name: Bob}], result_length: 2,
                               result_contains: {name: Bob}, result_contains_all: [{id: 2}, {name: Ann, id: 1.0}],
                               result_contains_text: "'name': 'Ann'"}
                            - {name: strict numbers, arguments: [{key: n, value: 1}], user_context: {role: admin},
                               result: [{id: 1.0, name: Ann}]}
                            - {name: one too many, arguments: [{key: n, value: 1}], user_context: {role: admin},
                               result_length: 2, result_contains: {name: Zed}}
                            - {name: denied, description: no user, arguments: [{key: n, value: 1}]}
                            - {name: empty is a list, arguments: [{key: n, value: 0}], user_context: {role: admin},
                               result_length: 0, result_contains_item: {id: 1}}
                        """)
                .write("tools/plain.yml", "tool:\n  name: plain\n  source: {code: \"SELECT 1\"}\n")
                .write("prompts/judge.yml", """
                        prompt:
                          name: judge
                          messages:
                            - {prompt: "Rate this", role: user}
                            - {prompt: " {\\"score\\": 5} ", role: assistant}
                          tests:
                            - {name: parsed, arguments: [], result: {score: 5}, result_not_contains: [grade]}
                        """)
                .write("tools/broken.yml", "tool: [not, a, map]\n");
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            if (source.code().equals("SELECT broken")) {
                throw new IllegalStateException("disk gone");
            }
            List<Map<String, Object>> rows = List.of(row("id", 1L, "name", "Ann"), row("id", 2L, "name", "Bob"));
            return rows.subList(0, ((Number) args.getOrDefault("n", 0L)).intValue());
        }));
    }

    @Test
    void eachTestPassesFailsOrErrorsWithTheFirstFailingAssertion() throws Exception {
        try (Project project = f.open()) {
            SuiteResult suite = new EndpointTests(project, null, Map.of()).run(EndpointKind.TOOL, "people");
            assertEquals("error", suite.status());
            assertEquals(5, suite.testsRun());
            List<TestCaseResult> tests = suite.tests();
            assertEquals(List.of("passed", "failed", "failed", "error", "failed"),
                    tests.stream().map(TestCaseResult::status).toList());
            assertEquals(null, tests.get(0).error());
            assertEquals("Result does not match expected output.\nExpected: [{'id': 1.0, 'name': 'Ann'}]\n"
                    + "Got: [{'id': 1, 'name': 'Ann'}]", tests.get(1).error());
            // result_contains is checked before result_length (the fixed order of spec 02 reference §3.4)
            assertEquals("No item in array contains the expected fields: {'name': 'Zed'}", tests.get(2).error());
            assertEquals("Policy enforcement failed: admins only", tests.get(3).error());
            assertEquals("no user", tests.get(3).description());
            assertEquals("Array does not contain expected item: {'id': 1}", tests.get(4).error());
        }
    }

    @Test
    void anErrorShowsItsCauseOnlyWhenItsMessageDoesNotAlreadySayIt() throws Exception {
        f.write("tools/broken.yml", """
                tool:
                  name: broken
                  source: {code: "SELECT broken"}
                  tests: [{name: fails, arguments: []}]
                """);
        try (Project project = f.open()) {
            SuiteResult suite = new EndpointTests(project, null, Map.of()).run(EndpointKind.TOOL, "broken");
            assertEquals(1, suite.tests().size(), suite::toString);
            TestCaseResult failed = suite.tests().getFirst();
            assertEquals("error", failed.status());
            assertTrue(failed.error().contains("disk gone"), failed.error());
            assertNull(failed.errorCause(), "the cause's message is already in the error");
        }
    }

    /** One endpoint's tests are those of the file its calls run, the first (spec 01 §1.5), as `run` finds it. */
    @Test
    void oneEndpointDefinedTwiceRunsTheTestsOfItsFirstFile() throws Exception {
        f.write("tools/plain_copy.yml", """
                tool:
                  name: plain
                  source: {code: "SELECT 1"}
                  tests: [{name: in the later file, arguments: []}]
                """).write("tools/plain.yml", """
                tool:
                  name: plain
                  source: {code: "SELECT 1"}
                  tests: [{name: in the first file, arguments: [], result: []}]
                """);
        try (Project project = f.open()) {
            SuiteResult suite = new EndpointTests(project, null, Map.of()).run(EndpointKind.TOOL, "plain");
            assertEquals("ok", suite.status(), suite::toString);
            assertEquals(List.of("in the first file"), suite.tests().stream().map(TestCaseResult::name).toList());
            assertTrue(new EndpointTests(project, null, Map.of()).runAll().endpoints().stream()
                    .anyMatch(e -> "Duplicate endpoint name 'plain' found in: tools/plain.yml, tools/plain_copy.yml"
                            .equals(e.results().message())), "the whole run still reports the duplicate");
        }
    }

    @Test
    void theCommandLineUserReplacesEveryTestsOwn() throws Exception {
        UserContext clerk = new UserContext("c", "c", null, null, null, "cli", List.of(), null, Map.of("role", "clerk"));
        try (Project project = f.open()) {
            SuiteResult suite = new EndpointTests(project, clerk, Map.of()).run(EndpointKind.TOOL, "people");
            assertEquals(List.of("error", "error", "error", "error", "error"),
                    suite.tests().stream().map(TestCaseResult::status).toList());
        }
    }

    @Test
    void aRunCoversEveryFileAndPromptsAreJudgedByTheirLastAssistantMessage() throws Exception {
        try (Project project = f.open()) {
            TestRun run = new EndpointTests(project, null, Map.of()).runAll();
            assertEquals("error", run.status());
            assertEquals(6, run.testsRun());
            Map<String, SuiteResult> byEndpoint = new LinkedHashMap<>();
            for (EndpointTestResult endpoint : run.endpoints()) {
                byEndpoint.put(endpoint.endpoint(), endpoint.results());
            }
            assertEquals(List.of("tools/broken.yml", "tools/people.yml", "tools/plain.yml", "prompts/judge.yml"),
                    run.endpoints().stream().map(EndpointTestResult::path).toList());
            assertEquals("ok", byEndpoint.get("prompt/judge").status());
            assertEquals(true, byEndpoint.get("tool/plain").noTests());
            SuiteResult broken = byEndpoint.get("tools/broken.yml");
            assertEquals("error", broken.status());
            assertEquals(true, broken.message() != null && !broken.message().isBlank());
            assertEquals("Endpoint not found: tool/nope",
                    new EndpointTests(project, null, Map.of()).run(EndpointKind.TOOL, "nope").message());
        }
    }

    @Test
    void theTestsOfAnEndpointWhoseFileDoesNotLoadSayWhy() throws Exception {
        f.write("tools/typo.yml", """
                tool:
                  name: typo
                  source: {code: "SELECT 1"}
                  tests: [{name: t, arguments: [], result_lenght: 1}]
                """);
        try (Project project = f.open()) {
            String message = new EndpointTests(project, null, Map.of()).run(EndpointKind.TOOL, "typo").message();
            assertTrue(message.startsWith("Endpoint file tools/typo.yml is invalid: "), message);
        }
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }
}
