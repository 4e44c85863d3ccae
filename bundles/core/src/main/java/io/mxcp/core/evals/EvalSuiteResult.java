package io.mxcp.core.evals;

import java.util.List;

/**
 * How one suite went.
 *
 * @param suite   the suite
 * @param model   the configured model name that answered
 * @param tests   in the suite's order
 * @param seconds how long the suite took
 */
public record EvalSuiteResult(EvalSuite suite, String model, List<EvalTestResult> tests, double seconds) {

    public EvalSuiteResult {
        tests = List.copyOf(tests);
    }

    public boolean allPassed() {
        return tests.stream().allMatch(EvalTestResult::passed);
    }
}
