package io.mxcp.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.lint.EndpointLinter;
import io.mxcp.core.lint.LintIssue;
import io.mxcp.core.model.DiscoveredEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mxcp lint}: what the endpoints' metadata lacks for a language model to use them well (spec 02b §2). Files
 * that do not load are skipped ({@code validate} reports them); no database is opened. Exits 1 when an error is
 * reported (the original exits 0; see docs/compat.md).
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check the endpoints' descriptions, examples, tests and annotations.")
final class LintCommand extends ProjectSubcommand {

    @Option(names = "--severity", paramLabel = "all|warning|info", defaultValue = "all",
            converter = SeverityConverter.class,
            description = "Which findings to show: all (default), only warnings, or only suggestions (info).")
    String severity;

    LintCommand(CliContext context) {
        super(context);
    }

    /** Reads {@code all}, {@code warning} or {@code info}; anything else is a usage error. */
    public static final class SeverityConverter extends ChoiceConverter {

        public SeverityConverter() {
            super("all", "warning", "info");
        }
    }

    /** The findings of one endpoint file that the severity filter keeps. */
    private record LintedFile(String path, List<LintIssue> issues) {
    }

    @Override
    int execute() throws Exception {
        List<LintedFile> files = new ArrayList<>();
        try (Project project = openProject(false)) {
            for (DiscoveredEndpoint endpoint : project.endpoints()) {
                // only what the project's files define, as the original (the built-in SQL tools are not theirs)
                if (endpoint.loaded() && endpoint.fromFile()) {
                    List<LintIssue> kept = EndpointLinter.lint(endpoint).stream()
                            .filter(issue -> "all".equals(severity) || severity.equals(issue.severity())).toList();
                    files.add(new LintedFile(endpoint.relativePath(), kept));
                }
            }
        }
        if (jsonOutput) {
            printJsonResult(payload(files));
        } else {
            terminal.out().print(report(files));
        }
        boolean errors = files.stream().flatMap(f -> f.issues().stream()).anyMatch(i -> "error".equals(i.severity()));
        return errors ? 1 : 0;
    }

    private static Map<String, Object> payload(List<LintedFile> files) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("total_files", files.size());
        List<Map<String, Object>> withIssues = new ArrayList<>();
        for (LintedFile file : files) {
            if (!file.issues().isEmpty()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", file.path());
                entry.put("issues", file.issues().stream().map(LintCommand::issue).toList());
                withIssues.add(entry);
            }
        }
        payload.put("files", withIssues);
        payload.put("clean_paths", cleanPaths(files));
        return payload;
    }

    private static Map<String, Object> issue(LintIssue issue) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("severity", issue.severity());
        entry.put("path", issue.path());
        entry.put("location", issue.location());
        entry.put("message", issue.message());
        entry.put("suggestion", issue.suggestion());
        return entry;
    }

    private static List<String> cleanPaths(List<LintedFile> files) {
        return files.stream().filter(f -> f.issues().isEmpty()).map(LintedFile::path).sorted().toList();
    }

    private String report(List<LintedFile> files) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.heading("🔍 Lint Results")).append("\n\n");
        if (files.isEmpty()) {
            return text.append("ℹ️  No endpoints were linted\n").toString();
        }
        text.append("Checked ").append(files.size()).append(" endpoint files\n");
        List<LintIssue> all = files.stream().flatMap(f -> f.issues().stream()).toList();
        if (all.isEmpty()) {
            return text.append('\n').append(terminal.success("🎉 All endpoints have excellent metadata!")).append('\n')
                    .toString();
        }
        text.append("  • ").append(files.stream().filter(f -> !f.issues().isEmpty()).count())
                .append(" files with suggestions\n");
        text.append("  • ").append(terminal.failure(count(all, "error") + " errors")).append('\n');
        text.append("  • ").append(terminal.warning(count(all, "warning") + " warnings")).append('\n');
        text.append("  • ").append(count(all, "info")).append(" suggestions\n");
        for (LintedFile file : files) {
            if (file.issues().isEmpty()) {
                continue;
            }
            text.append("\n📄 ").append(file.path()).append('\n');
            appendIssues(text, file.issues(), "error", terminal.failure("❌"));
            appendIssues(text, file.issues(), "warning", terminal.warning("⚠️"));
            appendIssues(text, file.issues(), "info", "ℹ️");
        }
        List<String> clean = cleanPaths(files);
        if (!clean.isEmpty()) {
            text.append('\n').append(terminal.success("✅ Passed linting:")).append('\n');
            clean.forEach(path -> text.append("  ").append(terminal.success("✓ ")).append(path).append('\n'));
        }
        text.append('\n').append("📚 Why this matters:\n")
                .append("  • Descriptions help LLMs understand when and how to use each endpoint\n")
                .append("  • Examples show LLMs what valid inputs look like\n")
                .append("  • Tests make sure endpoints keep working as they change\n")
                .append("  • Annotations tell LLMs which tools are safe to call\n");
        return text.toString();
    }

    private static void appendIssues(StringBuilder text, List<LintIssue> issues, String severity, String marker) {
        for (LintIssue issue : issues) {
            if (severity.equals(issue.severity())) {
                text.append("  ").append(marker).append("  ").append(issue.location()).append('\n')
                        .append("     ").append(issue.message()).append('\n')
                        .append("     💡 ").append(issue.suggestion()).append('\n');
            }
        }
    }

    private static long count(List<LintIssue> issues, String severity) {
        return issues.stream().filter(issue -> severity.equals(issue.severity())).count();
    }
}
