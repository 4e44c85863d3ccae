package io.mxcp.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ValidationResult;
import io.mxcp.core.model.DiscoveredEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mxcp validate [ENDPOINT]}: checks every endpoint file (or one) against the live runtime and reports
 * every bad file. Exits 1 when any file is invalid (the original exits 0; see docs/compat.md).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate every endpoint file, or the one given.")
final class ValidateCommand extends ProjectSubcommand {

    static final String NOT_AN_ENDPOINT = "Endpoint file not found or not a valid endpoint";

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT",
            description = "Path of one endpoint file (relative to the current folder or the project root).")
    String endpointFile;

    @Mixin
    ReadOnlyOption readOnly;

    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        try (Project project = openProject(readOnly.readOnly)) {
            return endpointFile == null ? validateAll(project) : validateOne(project);
        }
    }

    private int validateOne(Project project) throws Exception {
        Optional<Path> file = findDiscovered(project, endpointFile);
        ValidationResult result;
        if (file.isEmpty()) {
            result = new ValidationResult(endpointFile, NOT_AN_ENDPOINT);
        } else {
            project.initializeRuntime();
            result = project.validate(file.get());
        }
        if (jsonOutput) {
            printJsonResult(entry(result));
        } else {
            terminal.out().print(singleReport(result));
        }
        return result.valid() ? 0 : 1;
    }

    private int validateAll(Project project) throws Exception {
        List<ValidationResult> results;
        // built-in SQL tools are no endpoint files: with only them there is nothing to validate
        if (project.endpoints().stream().allMatch(endpoint -> endpoint.file() == null)) {
            results = List.of();
        } else {
            project.initializeRuntime();
            results = project.validateAll();
        }
        if (jsonOutput) {
            printJsonResult(allPayload(results));
        } else {
            terminal.out().print(allReport(results));
        }
        return results.stream().allMatch(ValidationResult::valid) ? 0 : 1;
    }

    /** The discovered endpoint file the argument names, resolved against the working folder, then the root. */
    private Optional<Path> findDiscovered(Project project, String argument) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(context.workingDirectory().resolve(argument));
        candidates.add(project.root().resolve(argument));
        for (Path candidate : candidates) {
            Path wanted = realOrNormal(candidate);
            for (DiscoveredEndpoint endpoint : project.endpoints()) {
                if (endpoint.file() != null && realOrNormal(endpoint.file()).equals(wanted)) {
                    return Optional.of(endpoint.file());
                }
            }
        }
        return Optional.empty();
    }

    private static Path realOrNormal(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    static Map<String, Object> entry(ValidationResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", result.valid() ? "ok" : "error");
        entry.put("path", result.relativePath());
        if (!result.valid()) {
            entry.put("message", result.message());
        }
        return entry;
    }

    static Map<String, Object> allPayload(List<ValidationResult> results) {
        Map<String, Object> payload = new LinkedHashMap<>();
        boolean allValid = !results.isEmpty() && results.stream().allMatch(ValidationResult::valid);
        payload.put("status", allValid ? "ok" : "error");
        payload.put("validated", results.stream().map(ValidateCommand::entry).toList());
        if (results.isEmpty()) {
            payload.put("message", "No endpoints found");
        }
        return payload;
    }

    private String singleReport(ValidationResult result) {
        StringBuilder text = new StringBuilder("\n");
        text.append(result.valid() ? terminal.success("✅ Validation passed!") : terminal.failure("❌ Validation failed!"))
                .append('\n');
        text.append("📄 File: ").append(result.relativePath()).append('\n');
        if (!result.valid()) {
            text.append(ErrorText.indented("", result.message(), terminal));
        }
        return text.toString();
    }

    private String allReport(List<ValidationResult> results) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(terminal.heading("🔍 Validation Results")).append("\n\n");
        if (results.isEmpty()) {
            text.append("ℹ️  No endpoints found to validate\n");
            text.append("   Create endpoint files under tools/, resources/ or prompts/ to get started.\n");
            return text.toString();
        }
        Comparator<ValidationResult> byPath = Comparator.comparing(ValidationResult::relativePath);
        List<ValidationResult> failed = results.stream().filter(r -> !r.valid()).sorted(byPath).toList();
        List<ValidationResult> passed = results.stream().filter(ValidationResult::valid).sorted(byPath).toList();
        text.append("Validated ").append(results.size()).append(" endpoint files\n");
        text.append("  • ").append(terminal.success(passed.size() + " passed")).append('\n');
        text.append("  • ").append(terminal.failure(failed.size() + " failed")).append('\n');
        if (!failed.isEmpty()) {
            text.append('\n').append(terminal.failure("❌ Failed validation:")).append('\n');
            for (ValidationResult result : failed) {
                text.append("  ").append(terminal.failure("✗ ")).append(result.relativePath()).append('\n');
                text.append(ErrorText.indented("    ", result.message(), terminal));
            }
        }
        if (!passed.isEmpty()) {
            text.append('\n').append(terminal.success("✅ Passed validation:")).append('\n');
            passed.forEach(result -> text.append("  ").append(terminal.success("✓ ")).append(result.relativePath())
                    .append('\n'));
        }
        text.append('\n');
        text.append(failed.isEmpty() ? terminal.success("🎉 All endpoints are valid!")
                : "💡 Tip: fix the errors above, then run 'mxcp validate' again");
        return text.append('\n').toString();
    }
}
