package io.mxcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code mxcp evals} (spec 02b §4) through the unzipped distribution: a model reached over HTTP (a stand-in speaking
 * the Anthropic and OpenAI APIs) calls the project's policy-guarded tool, the calls run as each test's user, and the
 * assertions judge the calls and the answer.
 */
class EvalsIT {

    private static final String KEY = "sk-stand-in-key";
    private static final String SUITE = """
            mxcp: 1
            suite: salary_evals
            description: Salaries are shown to HR only
            model: claude-stand-in
            tests:
              - name: hr_sees_the_amount
                prompt: What does Ann earn?
                user_context: {role: hr}
                assertions:
                  must_call: [{tool: salary, args: {who: ann}}]
                  answer_contains: ["5200.5"]
              - name: staff_do_not
                prompt: What does Ann earn?
                user_context: {role: staff}
                assertions:
                  must_call: [{tool: salary, args: {who: ann}}]
                  answer_not_contains: ["5200"]
              - name: the_ceo_is_private
                prompt: What does the CEO earn?
                user_context: {role: staff}
                assertions:
                  answer_contains: [private]
            """;

    private static Path work;
    private static Mxcp mxcp;
    private static StandInModel model;

    @BeforeAll
    static void modelAndUserConfig() throws IOException {
        work = Distribution.freshWorkFolder(EvalsIT.class);
        mxcp = new Mxcp(Distribution.home(), work);
        model = new StandInModel(KEY);
        Files.createDirectories(work.resolve(".mxcp"));
        Files.writeString(work.resolve(".mxcp/config.yml"), """
                mxcp: 1
                models:
                  default: gpt-stand-in
                  models:
                    claude-stand-in: {type: claude, api_key: "${STAND_IN_KEY}", base_url: "%1$s", timeout: 20}
                    gpt-stand-in: {type: openai, api_key: "${STAND_IN_KEY}", base_url: "%1$s/v1"}
                    wrong-key: {type: claude, api_key: not-the-key, base_url: "%1$s", max_retries: 0}
                    gemini: {type: gemini, api_key: k}
                    broken-key: {type: claude, api_key: "sk-secret-part\\nsecond-line", base_url: "%1$s"}
                """.formatted(model.baseUrl()));
    }

    @AfterAll
    static void stop() {
        model.close();
        Leftovers.assertNone(mxcp);
    }

    @Test
    void aSuiteRunsAgainstTheModelWithEachTestsUserAndPolicies() throws IOException {
        Path project = payroll("one_suite", Map.of("salary.yml", SUITE));
        CommandResult run = evals(project, "salary_evals", "--json-output");
        assertEquals(0, run.exitCode(), run::describe);
        JsonNode result = run.json().path("result");
        assertEquals("salary_evals", result.path("suite").asText(), run::describe);
        assertEquals("claude-stand-in", result.path("model").asText(), run::describe);
        assertTrue(result.path("all_passed").asBoolean(), run::describe);
        JsonNode tests = result.path("tests");
        assertEquals("ann earns 5200.5", tests.at("/0/details/response").asText(), run::describe);
        assertEquals("ann", tests.at("/0/details/tool_calls/0/arguments/who").asText(), run::describe);
        assertEquals("The amount is not visible to you.", tests.at("/1/details/response").asText(), run::describe);
        assertEquals("I cannot tell: Policy enforcement failed: The CEO's salary is private",
                tests.at("/2/details/response").asText(), run::describe);
        // the model was shown the tool with its input schema
        JsonNode firstRequest = model.requests.stream().filter(r -> r.has("tools")).findFirst().orElseThrow();
        assertEquals("string", firstRequest.at("/tools/0/input_schema/properties/who/type").asText());
    }

    @Test
    void failedAssertionsAreListedAndTheCommandExitsOne() throws IOException {
        String wrong = SUITE.replace("answer_contains: [\"5200.5\"]", "answer_contains: [\"9999\"]")
                .replace("must_call: [{tool: salary, args: {who: ann}}]\n      answer_not_contains",
                        "must_not_call: [salary]\n      answer_not_contains");
        Path project = payroll("failing", Map.of("salary.yml", wrong));
        CommandResult run = evals(project, "salary_evals");
        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("💡 Expected text '9999' not found in response"), run::describe);
        assertTrue(run.stdout().contains("💡 Tool 'salary' was called but should not have been"), run::describe);
        assertTrue(run.stdout().contains("✓ the_ceo_is_private"), run::describe);
        assertTrue(run.stdout().contains("⚠️  Failed: 2 eval test(s) failed"), run::describe);
    }

    @Test
    void everySuiteRunsWithItsOwnModelAndABrokenFileIsAnErrorEntry() throws IOException {
        Path project = payroll("all_suites", Map.of(
                "salary.yml", SUITE,
                "openai.yml", SUITE.replace("suite: salary_evals", "suite: salary_openai")
                        .replace("model: claude-stand-in\n", ""),
                "notes.yml", "title: not an eval file\n",
                "gemini.yml", SUITE.replace("suite: salary_evals", "suite: salary_gemini")
                        .replace("model: claude-stand-in", "model: gemini"),
                "broken.yml", "mxcp: 1\nsuite: 1bad\ntests: []\n"));
        CommandResult run = evals(project, "--json-output");
        assertEquals(1, run.exitCode(), run::describe);
        JsonNode suites = run.json().path("result").path("suites");
        assertEquals(4, suites.size(), run::describe);
        assertEquals(List.of("evals/broken.yml", "evals/gemini.yml", "evals/openai.yml", "evals/salary.yml"),
                List.of(suites.at("/0/path").asText(), suites.at("/1/path").asText(), suites.at("/2/path").asText(),
                        suites.at("/3/path").asText()));
        assertEquals("error", suites.at("/0/status").asText(), run::describe);
        assertTrue(suites.at("/0/error").asText().endsWith(
                "suite: Value error, Eval suite name must start with a letter or underscore"), run::describe);
        assertEquals("error", suites.at("/1/status").asText(), run::describe);
        assertEquals("Unknown model type: gemini", suites.at("/1/error").asText(),
                "a model that cannot be used fails its suite, not the run");
        assertEquals("passed", suites.at("/2/status").asText(), run::describe);
        assertEquals("passed", suites.at("/3/status").asText(), run::describe);
        assertTrue(model.requests.stream().anyMatch(r -> "gpt-stand-in".equals(r.path("model").asText())),
                "the suite without a model used models.default over the OpenAI API");

        Files.delete(project.resolve("evals/broken.yml"));
        Files.delete(project.resolve("evals/gemini.yml"));
        CommandResult text = evals(project);
        assertEquals(0, text.exitCode(), text::describe);
        assertTrue(text.stdout().contains("Suite: salary_openai"), text::describe);
        assertTrue(text.stdout().contains("🎉 All eval tests passed!"), text::describe);
    }

    @Test
    void modelProblemsAreClearErrors() throws IOException {
        Path project = payroll("model_problems", Map.of("salary.yml", SUITE));
        CommandResult refused = evals(project, "salary_evals", "--model", "wrong-key", "--json-output");
        assertEquals(1, refused.exitCode(), refused::describe);
        String error = refused.json().at("/result/tests/0/error").asText();
        assertTrue(error.startsWith("Anthropic API at http://"), refused::describe);
        assertTrue(error.endsWith("/v1/messages answered 401: invalid api key (check the api_key of model 'wrong-key')"),
                refused::describe);
        CommandResult refusedText = evals(project, "salary_evals", "--model", "wrong-key");
        assertEquals(1, refusedText.exitCode(), refusedText::describe);
        assertTrue(refusedText.stdout().contains("of them could not be judged (their Error: lines): a refusal (401, "
                + "403, 404) or a timeout is the model's entry in the user config to fix"), refusedText::describe);
        assertFalse(refusedText.stdout().contains("loosen assertions"), "no advice about the project's tests");

        CommandResult unknownType = evals(project, "salary_evals", "--model", "gemini");
        assertEquals(1, unknownType.exitCode(), unknownType::describe);
        assertTrue(unknownType.stderr().contains("Unknown model type: gemini"), unknownType::describe);

        CommandResult brokenKey = evals(project, "salary_evals", "-m", "broken-key", "--debug");
        assertEquals(1, brokenKey.exitCode(), brokenKey::describe);
        assertTrue(brokenKey.stderr().contains("The API key of model 'broken-key' has characters an API key cannot "
                + "have"), brokenKey::describe);
        assertFalse((brokenKey.stdout() + brokenKey.stderr()).contains("sk-secret-part"), "the key is never shown");

        CommandResult unconfigured = evals(project, "salary_evals", "-m", "nope");
        assertEquals(1, unconfigured.exitCode(), unconfigured::describe);
        assertTrue(unconfigured.stderr().contains("Model 'nope' not configured in user config"),
                unconfigured::describe);
        CommandResult missing = evals(project, "no_such_suite", "--json-output");
        assertEquals(1, missing.exitCode(), missing::describe);
        assertEquals("Eval suite 'no_such_suite' not found", missing.json().path("error").asText(), missing::describe);
    }

    private static CommandResult evals(Path project, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "evals";
        System.arraycopy(args, 0, command, 1, args.length);
        return mxcp.run(project, Map.of("STAND_IN_KEY", KEY), command);
    }

    private static Path payroll(String name, Map<String, String> evalFiles) throws IOException {
        Path project = Files.createDirectories(work.resolve(name));
        Files.writeString(project.resolve("mxcp-site.yml"), "mxcp: 1\nproject: payroll\nprofile: default\n");
        Files.createDirectories(project.resolve("tools"));
        Files.copy(Distribution.clientScripts().resolve("project-extras/tools/salary.yml"),
                project.resolve("tools/salary.yml"));
        Files.createDirectories(project.resolve("evals"));
        for (Map.Entry<String, String> file : evalFiles.entrySet()) {
            Files.writeString(project.resolve("evals").resolve(file.getKey()), file.getValue());
        }
        return project;
    }
}
