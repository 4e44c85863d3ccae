package io.mxcp.core.evals;

import java.util.List;
import java.util.Map;

/**
 * One prompt and what the model must do with it.
 *
 * @param name              the test's identifier
 * @param description       or null
 * @param prompt            what the user asks
 * @param userContext       the caller as a profile map (provider {@code test}), or null for none
 * @param mustCall          calls that must happen, each with the arguments it must have had
 * @param mustNotCall       tools that must not be called
 * @param answerContains    texts the final answer must contain (case-insensitive)
 * @param answerNotContains texts it must not contain (case-insensitive)
 */
public record EvalTest(String name, String description, String prompt, Map<String, Object> userContext,
        List<ExpectedCall> mustCall, List<String> mustNotCall, List<String> answerContains,
        List<String> answerNotContains) {

    public EvalTest {
        mustCall = List.copyOf(mustCall);
        mustNotCall = List.copyOf(mustNotCall);
        answerContains = List.copyOf(answerContains);
        answerNotContains = List.copyOf(answerNotContains);
    }

    /**
     * @param tool      a tool name or a resource URI
     * @param arguments each must equal the call's argument of that name; the call may have more
     */
    public record ExpectedCall(String tool, Map<String, Object> arguments) {
    }
}
