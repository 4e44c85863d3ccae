package io.mxcp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mxcp.core.api.Project;
import io.mxcp.core.evals.EvalRunner;
import io.mxcp.core.evals.EvalSuite;
import io.mxcp.core.evals.EvalSuiteFile;
import io.mxcp.core.evals.EvalSuiteFiles;
import io.mxcp.core.evals.EvalSuiteResult;
import io.mxcp.core.evals.EvalTestResult;
import io.mxcp.sdk.exec.Cancellation;
import io.mxcp.sdk.model.ChatMessage;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ChatRequest;
import io.mxcp.sdk.model.ModelException;
import io.mxcp.sdk.model.ToolCall;
import io.mxcp.sdk.model.ToolSpec;

/** LLM evals (spec 02b §4): suite files, the tool-calling loop through the pipeline, and the assertions. */
class EvalsTest {

    @TempDir
    Path dir;

    private ProjectFixture f;

    @BeforeEach
    void project() throws Exception {
        f = new ProjectFixture(dir).write("mxcp-site.yml", "project: demo\nprofile: dev\n")
                .write("tools/people.yml", """
                        tool:
                          name: people
                          description: Lists people.
                          parameters:
                            - {name: n, type: integer, description: how many}
                            - {name: since, type: string, format: date, default: "2024-01-15", examples: [2024-02-29]}
                          return: {type: array}
                          source: {code: "SELECT 1"}
                          policies:
                            input: [{condition: "user.role != 'admin'", action: deny, reason: "admins only"}]
                        """)
                .write("resources/person.yml", """
                        resource:
                          uri: "people://{id}"
                          parameters: [{name: id, type: integer}]
                          source: {code: "SELECT 2"}
                        """)
                .write("prompts/judge.yml", "prompt:\n  name: judge\n  messages: [{prompt: Rate, role: user}]\n");
        f.service.bindExecutor(new FakeExecutor("sql", (source, args) -> {
            if (source.code().equals("SELECT 2")) {
                return List.of(Map.of("id", args.get("id"), "name", "Cy"));
            }
            List<Map<String, Object>> rows = List.of(Map.of("name", "Ann"), Map.of("name", "Bob"));
            return rows.subList(0, ((Number) args.get("n")).intValue());
        }));
    }

    private static final String SUITE = """
            mxcp: 1
            suite: people_evals
            description: Who is there
            tests:
              - name: lists_two
                prompt: Who are the first two people?
                user_context: {role: admin}
                assertions:
                  must_call: [{tool: people, args: {n: 2.0}}]
                  must_not_call: [delete_people]
                  answer_contains: [ANN, bob]
                  answer_not_contains: [Zed]
            """;

    @Test
    void suiteFilesAreFoundSkippedOrReportedWithTheirLocation() throws Exception {
        f.write("evals/a/good.yml", SUITE)
                .write("evals/notes.yml", "title: not an eval file\n")
                .write("evals/other.yaml", SUITE.replace("people_evals", "ignored"))
                .write("evals/bad_name.yml", "mxcp: \"1.0\"\nsuite: 1bad\ntests: []\n")
                .write("evals/extra.yml", "mxcp: 1\nsuite: x\ntests: [{name: t, prompt: p, assertions: {must_cal: []}}]\n")
                .write("evals/no_args.yml", "mxcp: 1\nsuite: y\ntests: [{name: t, prompt: p, assertions: "
                        + "{must_call: [{tool: people}]}}]\n");
        try (Project project = f.open()) {
            EvalSuiteFiles files = EvalSuiteFiles.of(project);
            List<EvalSuiteFile> all = files.all();
            assertEquals(List.of("evals/a/good.yml", "evals/bad_name.yml", "evals/extra.yml", "evals/no_args.yml"),
                    all.stream().map(EvalSuiteFile::relativePath).toList());
            assertEquals("people_evals", all.get(0).suite().name());
            assertEquals("Failed to load eval file " + dir.resolve("evals/bad_name.yml")
                    + ": suite: Value error, Eval suite name must start with a letter or underscore", all.get(1).error());
            assertTrue(all.get(2).error().endsWith(": tests.0.assertions.must_cal: Extra inputs are not permitted"),
                    all.get(2).error());
            assertTrue(all.get(3).error().endsWith(": tests.0.assertions.must_call.0.args: Field required"),
                    all.get(3).error());
            assertEquals("Who is there", files.find("people_evals").orElseThrow().description());
            assertTrue(files.find("ignored").isEmpty(), ".yaml files are not eval files");
        }
    }

    @Test
    void theModelsCallsRunThroughThePipelineAndItsAnswerIsChecked() throws Exception {
        List<ChatRequest> asked = new ArrayList<>();
        ChatModel model = scripted(asked, request -> switch (request.messages().size()) {
            case 1 -> call("c1", "people", Map.of("n", 2));
            default -> new ChatMessage.Assistant("The first two are Ann and Bob.", List.of());
        });
        EvalSuiteResult result;
        try (WarningLog log = WarningLog.of(EvalRunner.class)) {
            result = run(SUITE, model);
            assertEquals(List.of("Eval suite 'people_evals', test 'lists_two': its assertions name tools the project "
                    + "does not serve: delete_people (a must_not_call of a missing tool always passes)"),
                    log.warnings());
        }

        assertTrue(result.allPassed(), () -> result.tests().toString());
        EvalTestResult test = result.tests().get(0);
        assertEquals("The first two are Ann and Bob.", test.answer());
        assertEquals("people", test.toolCalls().get(0).tool());
        assertEquals(List.of(Map.of("name", "Ann"), Map.of("name", "Bob")), test.toolCalls().get(0).result(),
                () -> test.toolCalls().toString());
        // the model saw the tools and resources (not prompts), then the call's result as JSON
        List<ToolSpec> tools = asked.get(0).tools();
        assertEquals(List.of("people", "read_people_id"), tools.stream().map(ToolSpec::name).toList());
        assertEquals(Map.of("type", "integer", "description", "how many"),
                ((Map<?, ?>) tools.get(0).inputSchema().get("properties")).get("n"));
        assertEquals(List.of("2024-02-29"), ((Map<?, ?>) ((Map<?, ?>) tools.get(0).inputSchema().get("properties"))
                .get("since")).get("examples"), "a YAML date as the ISO text, as JSON can carry it");
        assertTrue(tools.get(1).description().contains("people://{id}"));
        ChatMessage.ToolResults results = (ChatMessage.ToolResults) asked.get(1).messages().get(2);
        assertEquals(new ChatMessage.ToolResult("c1", "[{\"name\":\"Ann\"},{\"name\":\"Bob\"}]", false),
                results.results().get(0));
    }

    @Test
    void everyFailedAssertionIsListed() throws Exception {
        ChatModel model = scripted(new ArrayList<>(), request -> switch (request.messages().size()) {
            case 1 -> call("c1", "people", Map.of("n", 1));
            default -> new ChatMessage.Assistant("Only Ann. Zed left.", List.of());
        });
        EvalTestResult test = run(SUITE.replace("must_not_call: [delete_people]", "must_not_call: [people]"), model)
                .tests().get(0);
        assertFalse(test.passed());
        assertNull(test.error());
        assertEquals(List.of("Expected call to 'people' with args {'n': 2.0} not found",
                "Tool 'people' was called but should not have been",
                "Expected text 'bob' not found in response",
                "Forbidden text 'Zed' found in response"), test.failures());
    }

    @Test
    void policiesApplyToTheTestsUserAndErrorsGoBackToTheModel() throws Exception {
        List<ChatRequest> asked = new ArrayList<>();
        ChatModel model = scripted(asked, request -> switch (request.messages().size()) {
            case 1 -> new ChatMessage.Assistant("Let me look.", List.of(
                    new ToolCall("c1", "people", Map.of("n", 2)), new ToolCall("c2", "drop_tables", Map.of()),
                    new ToolCall("c3", "read_people_id", Map.of("id", 7))));
            default -> new ChatMessage.Assistant("I may not list people; person 7 is Cy.", List.of());
        });
        EvalTestResult test = run(SUITE.replace("user_context: {role: admin}", "user_context: {role: clerk}"), model)
                .tests().get(0);
        assertEquals(List.of("people", "drop_tables", "people://{id}"),
                test.toolCalls().stream().map(call -> call.tool()).toList());
        assertEquals("Policy enforcement failed: admins only", test.toolCalls().get(0).error());
        assertEquals("Tool 'drop_tables' not found. Available tools: ['people', 'read_people_id']",
                test.toolCalls().get(1).error());
        assertEquals(List.of(Map.of("id", 7L, "name", "Cy")), test.toolCalls().get(2).result());
        List<ChatMessage.ToolResult> results = ((ChatMessage.ToolResults) asked.get(1).messages().get(2)).results();
        assertEquals(List.of(true, true, false), results.stream().map(ChatMessage.ToolResult::error).toList());
    }

    @Test
    void aCallWhoseArgumentsCouldNotBeReadIsNotRunTheModelIsToldAndNoMustCallMatchesIt() throws Exception {
        List<ChatRequest> asked = new ArrayList<>();
        ChatModel model = scripted(asked, request -> switch (request.messages().size()) {
            case 1 -> new ChatMessage.Assistant("", List.of(new ToolCall("c1", "people", Map.of(), "{\"n\": 2")));
            default -> new ChatMessage.Assistant("ANN and bob", List.of());
        });
        EvalTestResult test = run(SUITE.replace("args: {n: 2.0}", "args: {}"), model).tests().get(0);
        assertNull(test.error());
        assertEquals(1, test.toolCalls().size());
        assertNull(test.toolCalls().get(0).arguments());
        assertEquals("The arguments are not a JSON object: {\"n\": 2", test.toolCalls().get(0).error());
        assertEquals(List.of("Expected call to 'people' with args {} not found"), test.failures());
        List<ChatMessage.ToolResult> results = ((ChatMessage.ToolResults) asked.get(1).messages().get(2)).results();
        assertEquals(List.of(true), results.stream().map(ChatMessage.ToolResult::error).toList());

        ChatModel looping = scripted(new ArrayList<>(),
                request -> new ChatMessage.Assistant("", List.of(new ToolCall("c", "people", Map.of(), "[2]"))));
        EvalTestResult halted = run(SUITE.replace("args: {n: 2.0}", "args: {}"), looping).tests().get(0);
        assertEquals(10, halted.toolCalls().size());
        assertTrue(halted.toolCalls().stream().allMatch(call -> call.arguments() == null),
                "the last turn's calls, not run, are recorded as the others: " + halted.toolCalls());
    }

    @Test
    void aModelThatNeverStopsCallingIsAskedTenTimesAndAFailingApiErrorsTheTest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ChatModel looping = scripted(new ArrayList<>(), request -> {
            calls.incrementAndGet();
            return new ChatMessage.Assistant("again", List.of(new ToolCall("c", "people", Map.of("n", 1))));
        });
        EvalTestResult test = run(SUITE.replace("must_not_call: [delete_people]", "must_not_call: []"), looping)
                .tests().get(0);
        assertEquals(10, calls.get());
        assertEquals("again", test.answer());
        assertEquals(10, test.toolCalls().size(), "the last turn's calls are recorded too");
        assertEquals("not run: the model was asked 10 times", test.toolCalls().get(9).error());
        assertTrue(test.failures().contains("The model was still calling tools after 10 requests"), test::toString);

        ChatModel truncating = scripted(new ArrayList<>(), request -> new ChatMessage.Assistant("Ann and",
                List.of(new ToolCall("c", "people", Map.of())), true));
        assertEquals("The model's answer was cut short at max_tokens (4096)", run(SUITE, truncating).tests().get(0)
                .error());

        ChatModel failing = scripted(new ArrayList<>(), request -> {
            throw new IllegalStateException("unreachable");
        });
        ChatModel refusing = new ChatModel() {
            @Override
            public ChatMessage.Assistant complete(ChatRequest request) throws ModelException {
                throw new ModelException("Anthropic API answered 401: invalid x-api-key");
            }

            @Override
            public void close() {
            }
        };
        EvalTestResult refused = run(SUITE, refusing).tests().get(0);
        assertFalse(refused.passed());
        assertEquals("Anthropic API answered 401: invalid x-api-key", refused.error());
        assertEquals("unreachable", run(SUITE, failing).tests().get(0).error());
    }

    @Test
    void cancellingWhileTheModelIsAskedEndsTheRequestAndTheSuite() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        ChatModel silent = scripted(new ArrayList<>(), request -> {
            asking.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5)); // a model API that does not answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // as the JDK's HTTP client, and ModelHttp after it
                throw new IllegalStateException("Interrupted while waiting for the API");
            }
            throw new AssertionError("the wait was not interrupted");
        });
        Cancellation cancellation = new Cancellation();
        f.write("evals/suite.yml", SUITE + SUITE.substring(SUITE.indexOf("  - name:")).replace("lists_two", "again"));

        EvalSuiteResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Project project = f.open()) {
                EvalSuite suite = EvalSuiteFiles.of(project).find("people_evals").orElseThrow();
                Thread.ofPlatform().start(() -> {
                    awaitQuietly(asking);
                    cancellation.cancel();
                });
                EvalSuiteResult ran = new EvalRunner(project, silent, "stand-in", null).cancelledBy(cancellation)
                        .run(suite, name -> { });
                assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is spent once the request ended");
                return ran;
            }
        });

        assertEquals(1, result.tests().size(), "no test starts after the cancellation");
        assertEquals("Interrupted while waiting for the API", result.tests().get(0).error());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EvalSuiteResult run(String suiteYaml, ChatModel model) throws Exception {
        f.write("evals/suite.yml", suiteYaml);
        try (Project project = f.open()) {
            EvalSuite suite = EvalSuiteFiles.of(project).find("people_evals").orElseThrow();
            return new EvalRunner(project, model, "stand-in", null).run(suite, name -> { });
        }
    }

    private static ChatMessage.Assistant call(String id, String tool, Map<String, Object> arguments) {
        return new ChatMessage.Assistant("", List.of(new ToolCall(id, tool, new LinkedHashMap<>(arguments))));
    }

    private static ChatModel scripted(List<ChatRequest> asked, Function<ChatRequest, ChatMessage.Assistant> answer) {
        return new ChatModel() {
            @Override
            public ChatMessage.Assistant complete(ChatRequest request) {
                asked.add(request);
                return answer.apply(request);
            }

            @Override
            public void close() {
            }
        };
    }
}
