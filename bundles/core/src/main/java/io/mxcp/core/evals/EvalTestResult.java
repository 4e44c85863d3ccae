package io.mxcp.core.evals;

import java.util.List;

/**
 * How one test went.
 *
 * @param test      the test
 * @param failures  the assertions that did not hold, in the order they are listed in spec 02b §4
 * @param error     why the test could not run to its end (the model's API failed...), or null
 * @param answer    the model's final answer, or null when the test errored
 * @param toolCalls the calls the model made, in order
 * @param seconds   how long the test took
 */
public record EvalTestResult(EvalTest test, List<String> failures, String error, String answer,
        List<ToolCallRecord> toolCalls, double seconds) {

    public EvalTestResult {
        failures = List.copyOf(failures);
        toolCalls = List.copyOf(toolCalls);
    }

    public boolean passed() {
        return error == null && failures.isEmpty();
    }
}
