package io.mxcp.core.testing;

import java.util.List;

/**
 * The tests of one endpoint.
 *
 * @param status   {@code ok}, {@code failed} (a test failed) or {@code error} (a test errored, or the endpoint could
 *                 not be loaded); error beats failed
 * @param testsRun how many tests ran
 * @param tests    each test's outcome, in declared order
 * @param noTests  whether the endpoint declares no tests
 * @param message  why the endpoint could not be tested, or null
 */
public record SuiteResult(String status, int testsRun, List<TestCaseResult> tests, boolean noTests, String message) {

    public SuiteResult {
        tests = List.copyOf(tests);
    }

    static SuiteResult error(String message) {
        return new SuiteResult("error", 0, List.of(), false, message);
    }

    static SuiteResult of(List<TestCaseResult> tests) {
        return new SuiteResult(TestStatus.worst(tests.stream().map(t -> switch (t.status()) {
            case "passed" -> "ok";
            default -> t.status();
        }).toList()), tests.size(), tests, tests.isEmpty(), null);
    }
}
