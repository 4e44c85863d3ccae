package io.mxcp.core.evals;

import java.util.List;

/**
 * One eval file.
 *
 * @param name        the suite's identifier
 * @param description or null
 * @param model       the configured model the suite prefers, or null
 * @param tests       in file order
 */
public record EvalSuite(String name, String description, String model, List<EvalTest> tests) {

    public EvalSuite {
        tests = List.copyOf(tests);
    }
}
