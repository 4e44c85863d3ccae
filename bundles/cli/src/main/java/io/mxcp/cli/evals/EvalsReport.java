package io.mxcp.cli.evals;

import java.util.List;
import java.util.Locale;

import io.mxcp.cli.output.Json;
import io.mxcp.cli.output.Terminal;
import io.mxcp.core.evals.EvalSuiteResult;
import io.mxcp.core.evals.EvalTestResult;

/** {@code mxcp evals} for people: per suite its tests, failures with their reasons, and a summary line. */
public final class EvalsReport {

    private final Terminal terminal;
    private final boolean debug;
    private final StringBuilder text = new StringBuilder();
    private int failedTests;
    /** Failed tests that could not be judged: the model API or the run failed (their {@code error}). */
    private int erroredTests;
    private int suites;
    private int suitesNotRun;

    public EvalsReport(Terminal terminal, boolean debug) {
        this.terminal = terminal;
        this.debug = debug;
        text.append('\n').append(terminal.heading("🧪 Eval Execution Summary")).append("\n\n");
    }

    public EvalsReport suite(EvalSuiteResult result) {
        List<EvalTestResult> failed = result.tests().stream().filter(t -> !t.passed()).toList();
        List<EvalTestResult> passed = result.tests().stream().filter(EvalTestResult::passed).toList();
        failedTests += failed.size();
        erroredTests += (int) failed.stream().filter(test -> test.error() != null).count();
        suites++;
        text.append(terminal.emphasis("Suite: " + result.suite().name())).append('\n');
        if (result.suite().description() != null) {
            text.append("  Description: ").append(result.suite().description()).append('\n');
        }
        text.append("  Model: ").append(result.model()).append('\n');
        text.append("  Tests: ").append(result.tests().size()).append(" total, ")
                .append(terminal.success(passed.size() + " passed")).append(", ")
                .append(terminal.failure(failed.size() + " failed")).append('\n');
        if (!failed.isEmpty()) {
            text.append('\n').append(terminal.failure("❌ Failed tests:")).append('\n');
            failed.forEach(this::failedTest);
        }
        if (!passed.isEmpty()) {
            text.append('\n').append(terminal.success("✅ Passed tests:")).append('\n');
            passed.forEach(test -> text.append("  ").append(terminal.success("✓ ")).append(test.test().name())
                    .append(seconds(test.seconds())).append('\n'));
        }
        text.append('\n');
        return this;
    }

    /** A suite that did not run: its file failed to load, or it names no model. */
    public EvalsReport suiteError(String suite, String error) {
        suites++;
        suitesNotRun++;
        text.append(terminal.failure("✗ " + suite)).append('\n').append("  ").append(terminal.failure(error))
                .append("\n\n");
        return this;
    }

    public EvalsReport noEvals() {
        text.append("ℹ️  No eval files found\n")
                .append("   Eval suites are *.yml files under the project's evals folder (paths.evals), for example\n")
                .append("   evals/customer-evals.yml, each starting with 'mxcp: 1' and a 'suite:' name.\n");
        return this;
    }

    /** The closing lines: the verdict (none when there was no suite) and the time. */
    public String finish(double seconds) {
        if (suitesNotRun > 0) {
            text.append(terminal.warning("⚠️  " + suitesNotRun + " eval suite(s) could not run")).append('\n');
        }
        if (failedTests > 0) {
            text.append(terminal.warning("⚠️  Failed: " + failedTests + " eval test(s) failed")).append('\n');
            if (erroredTests > 0) {
                text.append("💡 ").append(erroredTests).append(" of them could not be judged (their Error: lines): ")
                        .append("a refusal (401, 403, 404) or a timeout is the model's entry in the user config to ")
                        .append("fix (api_key, base_url, timeout); a failure of the API itself (5xx) passes.\n");
            }
            if (erroredTests < failedTests) {
                text.append("💡 Tips: check the tool calls the model made (--debug shows them and its answer), ")
                        .append("make the tools' descriptions say when to use them, or loosen assertions that ask ")
                        .append("for exact wording.\n");
            }
        } else if (suites > 0 && suitesNotRun == 0) {
            text.append(terminal.success("🎉 All eval tests passed!")).append('\n');
        }
        text.append(String.format(Locale.ROOT, "⏱️  Total time: %.2fs%n", seconds));
        return text.toString();
    }

    private void failedTest(EvalTestResult test) {
        text.append("  ").append(terminal.failure("✗ ")).append(test.test().name()).append(seconds(test.seconds()))
                .append('\n');
        if (test.test().description() != null) {
            text.append("    ").append(terminal.muted(test.test().description())).append('\n');
        }
        if (test.error() != null) {
            text.append("    ").append(terminal.failure("Error: " + test.error())).append('\n');
            return;
        }
        test.failures().forEach(failure -> text.append("    💡 ").append(failure).append('\n'));
        if (debug) {
            text.append("    Debug info:\n");
            Json.pretty(EvalsPayload.details(test)).lines()
                    .forEach(line -> text.append("      ").append(line).append('\n'));
        }
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, " (%.2fs)", seconds);
    }
}
