package io.mxcp.core.internal.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mxcp.core.evals.EvalTest;
import io.mxcp.core.evals.EvalTest.ExpectedCall;
import io.mxcp.core.evals.ToolCallRecord;
import io.mxcp.core.internal.types.PythonText;
import io.mxcp.core.internal.types.PythonEquality;

/** The assertions of one test (spec 02-reference §5.3): every one is checked and every failure is listed. */
public final class EvalChecks {

    private EvalChecks() {
    }

    public static List<String> failures(EvalTest test, String answer, List<ToolCallRecord> calls) {
        List<String> failures = new ArrayList<>();
        for (ExpectedCall expected : test.mustCall()) {
            if (calls.stream().noneMatch(call -> matches(expected, call))) {
                failures.add("Expected call to '" + expected.tool() + "' with args "
                        + PythonText.repr(expected.arguments()) + " not found");
            }
        }
        for (String tool : test.mustNotCall()) {
            if (calls.stream().anyMatch(call -> call.tool().equals(tool))) {
                failures.add("Tool '" + tool + "' was called but should not have been");
            }
        }
        String lowerAnswer = answer.toLowerCase(Locale.ROOT);
        for (String text : test.answerContains()) {
            if (!lowerAnswer.contains(text.toLowerCase(Locale.ROOT))) {
                failures.add("Expected text '" + text + "' not found in response");
            }
        }
        for (String text : test.answerNotContains()) {
            if (lowerAnswer.contains(text.toLowerCase(Locale.ROOT))) {
                failures.add("Forbidden text '" + text + "' found in response");
            }
        }
        return failures;
    }

    /**
     * Same tool, and every expected argument equal (as Python's {@code ==}); the call may have more arguments. A call
     * whose arguments could not be read matches none.
     */
    private static boolean matches(ExpectedCall expected, ToolCallRecord call) {
        Map<String, Object> actual = call.arguments();
        if (!call.tool().equals(expected.tool()) || actual == null) {
            return false;
        }
        return expected.arguments().entrySet().stream()
                .allMatch(argument -> PythonEquality.equal(actual.get(argument.getKey()), argument.getValue()));
    }
}
