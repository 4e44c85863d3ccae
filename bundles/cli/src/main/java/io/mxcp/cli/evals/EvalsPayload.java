package io.mxcp.cli.evals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.core.evals.EvalSuiteResult;
import io.mxcp.core.evals.EvalTestResult;
import io.mxcp.core.evals.ToolCallRecord;

/** {@code mxcp evals --json-output}: the shapes of spec 02-reference §5.5. */
public final class EvalsPayload {

    private EvalsPayload() {
    }

    /** One suite: {@code {suite, description, model, tests, all_passed, elapsed_time}}. */
    public static Map<String, Object> suite(EvalSuiteResult result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("suite", result.suite().name());
        payload.put("description", result.suite().description());
        payload.put("model", result.model());
        payload.put("tests", tests(result));
        payload.put("all_passed", result.allPassed());
        payload.put("elapsed_time", result.seconds());
        return payload;
    }

    /** The suite's entry when every suite runs: {@code {suite, path, status, tests, error}}. */
    public static Map<String, Object> suiteEntry(EvalSuiteResult result, String path) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("suite", result.suite().name());
        entry.put("path", path);
        entry.put("status", result.allPassed() ? "passed" : "failed");
        entry.put("tests", tests(result));
        entry.put("error", "");
        return entry;
    }

    /** A suite that could not run: {@code {suite, path, status: error, error}}. */
    public static Map<String, Object> errorEntry(String suite, String path, String error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("suite", suite);
        entry.put("path", path);
        entry.put("status", "error");
        entry.put("error", error);
        return entry;
    }

    private static List<Map<String, Object>> tests(EvalSuiteResult result) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (EvalTestResult test : result.tests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", test.test().name());
            entry.put("description", test.test().description());
            entry.put("passed", test.passed());
            if (test.error() != null) {
                entry.put("error", test.error());
            } else {
                entry.put("failures", test.failures());
            }
            entry.put("time", test.seconds());
            if (test.error() == null) {
                entry.put("details", details(test));
            }
            tests.add(entry);
        }
        return tests;
    }

    /** {@code {response, tool_calls}}: each call as the model made it, with the error when it failed. */
    public static Map<String, Object> details(EvalTestResult test) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (ToolCallRecord call : test.toolCalls()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tool", call.tool());
            entry.put("arguments", call.arguments());
            if (call.error() != null) {
                entry.put("error", call.error());
            }
            calls.add(entry);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("response", test.answer());
        details.put("tool_calls", calls);
        return details;
    }
}
