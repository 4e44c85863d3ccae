package io.mxcp.core.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.mxcp.core.api.CallOptions;
import io.mxcp.core.api.ProfileUsers;
import io.mxcp.core.api.Project;
import io.mxcp.core.internal.evals.EvalChecks;
import io.mxcp.core.internal.evals.EvalConversation;
import io.mxcp.core.internal.evals.EvalToolbox;
import io.mxcp.sdk.auth.UserContext;
import io.mxcp.sdk.exec.CancellationSignal;
import io.mxcp.sdk.model.ChatModel;
import io.mxcp.sdk.model.ModelException;

/**
 * Runs eval suites (spec 02b §4): each test's prompt goes to the model with the project's tools and resources as
 * tools; the tools it calls run through the project's whole pipeline (input conversion, policies, output validation
 * — the original skipped them, see docs/compat.md) as the test's user.
 */
public final class EvalRunner {

    private static final System.Logger LOG = System.getLogger(EvalRunner.class.getName());
    private static final String TEST_PROVIDER = "test";
    private static final String TEST_USER = "test_user";

    private final Project project;
    private final ChatModel model;
    private final String modelName;
    private final UserContext commandLineUser;
    private final CancellationSignal cancellation;

    /**
     * @param modelName       the configured name of the model, for the report
     * @param commandLineUser the {@code --user-context} user, which replaces every test's own, or null
     */
    public EvalRunner(Project project, ChatModel model, String modelName, UserContext commandLineUser) {
        this(project, model, modelName, commandLineUser, CancellationSignal.never());
    }

    private EvalRunner(Project project, ChatModel model, String modelName, UserContext commandLineUser,
            CancellationSignal cancellation) {
        this.project = project;
        this.model = model;
        this.modelName = modelName;
        this.commandLineUser = commandLineUser;
        this.cancellation = cancellation;
    }

    /**
     * The same runner, stopped by the signal (Ctrl-C): a running tool call is cancelled, and neither another model
     * request nor another test starts (the model request under way is waited for).
     *
     * @since 1.1
     */
    public EvalRunner cancelledBy(CancellationSignal signal) {
        return new EvalRunner(project, model, modelName, commandLineUser, signal);
    }

    /** @param starting told each test's name before it runs */
    public EvalSuiteResult run(EvalSuite suite, Consumer<String> starting) {
        long suiteStart = System.nanoTime();
        EvalToolbox toolbox = new EvalToolbox(project.endpoints());
        EvalConversation conversation = new EvalConversation(project, model, toolbox);
        List<EvalTestResult> results = new ArrayList<>();
        suite.tests().forEach(test -> warnOfUnknownTools(suite, test, toolbox));
        for (EvalTest test : suite.tests()) {
            if (cancellation.isCancelled()) {
                break;
            }
            starting.accept(test.name());
            results.add(run(conversation, test));
        }
        return new EvalSuiteResult(suite, modelName, results, seconds(suiteStart));
    }

    /**
     * A tool an assertion names that the project does not serve: {@code must_call} fails, but {@code must_not_call}
     * passes for good, so a renamed or misspelt tool would hide what the assertion guards.
     */
    private static void warnOfUnknownTools(EvalSuite suite, EvalTest test, EvalToolbox toolbox) {
        List<String> unknown = Stream.concat(test.mustCall().stream().map(EvalTest.ExpectedCall::tool),
                test.mustNotCall().stream()).filter(tool -> !toolbox.serves(tool)).distinct().toList();
        if (!unknown.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Eval suite ''{0}'', test ''{1}'': its assertions name tools the "
                    + "project does not serve: {2} (a must_not_call of a missing tool always passes)", suite.name(),
                    test.name(), String.join(", ", unknown));
        }
    }

    private EvalTestResult run(EvalConversation conversation, EvalTest test) {
        long start = System.nanoTime();
        CallOptions options = new CallOptions(user(test.userContext()), Map.of(), cancellation, false);
        try {
            EvalConversation.Outcome outcome = conversation.run(test.prompt(), options);
            List<String> failures = new ArrayList<>(EvalChecks.failures(test, outcome.answer(), outcome.calls()));
            if (outcome.exhausted()) {
                failures.add("The model was still calling tools after " + EvalConversation.MAX_MODEL_CALLS
                        + " requests");
            }
            return new EvalTestResult(test, failures, null, outcome.answer(), outcome.calls(), seconds(start));
        } catch (ModelException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new EvalTestResult(test, List.of(), message, null, List.of(), seconds(start));
        }
    }

    private UserContext user(Map<String, Object> userContext) {
        if (commandLineUser != null || userContext == null) {
            return commandLineUser;
        }
        return ProfileUsers.of(userContext, TEST_PROVIDER, TEST_USER);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
