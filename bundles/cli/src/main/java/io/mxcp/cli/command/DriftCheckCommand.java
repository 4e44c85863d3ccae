package io.mxcp.cli.command;

import java.io.IOException;
import java.nio.file.Path;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.drift.DriftComparison;
import io.mxcp.core.drift.DriftReport;
import io.mxcp.core.drift.DriftSnapshot;
import io.mxcp.core.drift.DriftSnapshotException;
import io.mxcp.core.drift.DriftSnapshotFiles;
import io.mxcp.core.drift.DriftSnapshots;
import io.mxcp.kernel.api.FileFailureText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mxcp drift-check}: takes a snapshot in memory and reports what changed since the baseline snapshot (spec 02
 * reference §6.2). Exits 1 when anything changed, in text and JSON mode. The database is opened read-only.
 */
@Command(name = "drift-check", mixinStandardHelpOptions = true,
        description = "Report what changed in the tables and endpoints since the baseline drift snapshot.")
final class DriftCheckCommand extends ProjectSubcommand {

    @Option(names = "--baseline", paramLabel = "PATH",
            description = "Baseline snapshot file (default: the profile's drift path).")
    Path baseline;

    /** Accepted as the original accepts it: the check opens the database read-only anyway. */
    @Mixin
    ReadOnlyOption readOnly;

    DriftCheckCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            DriftReport report;
            try (Project project = openProject(true)) {
                Path file = baseline != null ? context.workingDirectory().resolve(baseline)
                        : DriftSnapshotFiles.profilePath(project, context.workingDirectory());
                DriftSnapshot before = readBaseline(file);
                // a --baseline is reported as given, as the original does
                report = DriftComparison.compare(before, baseline != null ? baseline.toString() : file.toString(),
                        DriftSnapshots.take(project, stop.signal()));
            }
            stop.commit();
            if (jsonOutput) {
                printJsonResult(report.toJson());
            } else {
                terminal.out().print(new DriftReportText(terminal, debug()).render(report));
            }
            return report.hasDrift() ? 1 : 0;
        });
    }

    private DriftSnapshot readBaseline(Path file) {
        try {
            return DriftSnapshotFiles.read(file);
        } catch (IOException e) {
            String reason = FileFailureText.reason(e).orElse(e.getMessage());
            throw new IllegalStateException("Failed to load baseline snapshot: " + file + ": " + reason, e);
        } catch (DriftSnapshotException e) {
            if (e.fileMissing() && !jsonOutput) {
                // ours: the original only names the missing file
                terminal.out().println("\n" + terminal.warning("💡 Tip:")
                        + " Run mxcp drift-snapshot first to record the baseline to compare with");
            }
            throw new IllegalStateException("Failed to load baseline snapshot: " + e.getMessage(), e);
        }
    }
}
