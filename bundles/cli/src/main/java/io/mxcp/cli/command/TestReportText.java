package io.mxcp.cli.command;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.mxcp.cli.output.Terminal;
import io.mxcp.core.testing.EndpointTestResult;
import io.mxcp.core.testing.SuiteResult;
import io.mxcp.core.testing.TestCaseResult;
import io.mxcp.core.testing.TestRun;

/**
 * {@code mxcp test}'s text report (spec 02 reference §3.7), laid out line for line as the original's, so that what
 * people and scripts read from it stays where they look: each endpoint with its file, each test under it with its
 * time, counts only when not zero, and the total of the tests' times.
 */
final class TestReportText {
    private final Terminal terminal;
    private final boolean debug;

    TestReportText(Terminal terminal, boolean debug) {
        this.terminal = terminal;
        this.debug = debug;
    }

    /** The report of one endpoint's tests ({@code mxcp test tool NAME}). */
    String suite(SuiteResult suite) {
        StringBuilder text = new StringBuilder();
        text.append("ok".equals(suite.status()) ? terminal.success("✅ All tests passed!")
                : terminal.failure("❌ Some tests failed!")).append('\n');
        if (suite.message() != null) {
            text.append(ErrorText.indented("", suite.message(), terminal));
        }
        if (!suite.tests().isEmpty()) {
            text.append('\n').append(terminal.heading("📋 Test Results:")).append('\n');
            suite.tests().forEach(test -> appendCase(text, "  ", test));
        }
        if (suite.noTests()) {
            text.append("\nℹ️  No tests defined for this endpoint\n");
        }
        return text.toString();
    }

    /** The report of every endpoint's tests ({@code mxcp test}). */
    String run(TestRun run) {
        if (run.endpoints().isEmpty()) {
            return "ℹ️  No endpoints found to test\n   Create test cases in your endpoint YAML files\n";
        }
        Comparator<EndpointTestResult> byName = Comparator.comparing(EndpointTestResult::endpoint);
        List<EndpointTestResult> failed = run.endpoints().stream()
                .filter(e -> !"ok".equals(e.results().status())).sorted(byName).toList();
        List<EndpointTestResult> passed = run.endpoints().stream()
                .filter(e -> "ok".equals(e.results().status())).sorted(byName).toList();
        StringBuilder text = new StringBuilder("\n").append(terminal.heading("🧪 Test Execution Summary")).append('\n');
        text.append("   Tested ").append(terminal.warning(String.valueOf(run.endpoints().size())))
                .append(" endpoints\n");
        if (!passed.isEmpty()) {
            text.append("   • ").append(terminal.success(passed.size() + " passed")).append('\n');
        }
        if (!failed.isEmpty()) {
            text.append("   • ").append(terminal.failure(failed.size() + " failed")).append('\n');
            text.append('\n').append(terminal.failure("❌ Failed tests:")).append('\n');
            failed.forEach(endpoint -> appendEndpoint(text, terminal.failure("✗"), endpoint));
        }
        if (!passed.isEmpty()) {
            text.append('\n').append(terminal.success("✅ Passed tests:")).append('\n');
            passed.forEach(endpoint -> appendEndpoint(text, terminal.success("✓"), endpoint));
        }
        text.append('\n').append(failed.isEmpty() ? terminal.success("🎉 All tests passed!")
                : terminal.warning("💡 Tip:") + " Review the errors above and fix the failing tests").append('\n');
        double seconds = run.endpoints().stream().flatMap(e -> e.results().tests().stream())
                .mapToDouble(TestCaseResult::seconds).sum();
        text.append('\n').append(terminal.heading("⏱️  Total time:"))
                .append(String.format(Locale.ROOT, " %.2fs%n", seconds));
        return text.toString();
    }

    private void appendEndpoint(StringBuilder text, String mark, EndpointTestResult endpoint) {
        text.append("\n  ").append(mark).append(' ').append(terminal.warning(endpoint.endpoint())).append(" (")
                .append(endpoint.path()).append(")\n");
        SuiteResult results = endpoint.results();
        if (results.message() != null) {
            text.append(ErrorText.indented("    ", results.message(), terminal));
        }
        if (results.noTests()) {
            text.append("    ").append(terminal.muted("(No tests)")).append('\n');
        }
        results.tests().forEach(test -> appendCase(text, "    ", test));
    }

    private void appendCase(StringBuilder text, String indent, TestCaseResult test) {
        text.append(indent).append(test.passed() ? terminal.success("✓") : terminal.failure("✗")).append(' ')
                .append(test.name()).append(' ')
                .append(terminal.muted(String.format(Locale.ROOT, "(%.2fs)", test.seconds()))).append('\n');
        if (test.error() != null) {
            text.append(ErrorText.indented(indent + "  ", test.error(), terminal));
        }
        if (test.errorCause() != null && debug) {
            text.append(indent).append("  ").append(terminal.warning("Cause:")).append(' ').append(test.errorCause())
                    .append('\n');
        }
    }
}
