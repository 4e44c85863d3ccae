package io.mxcp.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.Project;
import io.mxcp.core.drift.DriftSnapshot;
import io.mxcp.core.drift.DriftSnapshotFiles;
import io.mxcp.core.drift.DriftSnapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mxcp drift-snapshot}: records the database's tables and every endpoint file's validation, test results and
 * definition in the profile's drift file (spec 02 reference §6.1), the baseline {@code drift-check} compares with. The
 * database is opened read-only.
 */
@Command(name = "drift-snapshot", mixinStandardHelpOptions = true,
        description = "Record the tables and endpoints as the baseline drift-check compares with.")
final class DriftSnapshotCommand extends ProjectSubcommand {

    @Option(names = "--force", arity = "0", description = "Overwrite an existing snapshot file.")
    boolean force;

    @Option(names = "--dry-run", arity = "0", description = "Show the snapshot without writing it.")
    boolean dryRun;

    DriftSnapshotCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            Path file;
            DriftSnapshot snapshot;
            try (Project project = openProject(true)) {
                file = DriftSnapshotFiles.profilePath(project, context.workingDirectory());
                if (!force && !dryRun && Files.exists(file)) {
                    String message = "Drift snapshot already exists at " + file + ". Use --force to overwrite.";
                    if (jsonOutput) {
                        throw new IllegalStateException(message); // the generic error document
                    }
                    stop.commit();
                    return alreadyExists(message);
                }
                snapshot = DriftSnapshots.take(project, stop.signal());
            }
            stop.commit(); // a snapshot whose tests were cut short is not written
            if (!dryRun) {
                DriftSnapshotFiles.write(file, snapshot);
            }
            if (jsonOutput) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("path", file.toString());
                payload.put("drift_hash", snapshot.hash());
                payload.put("generated_at", snapshot.generatedAt());
                printJsonResult(payload);
            } else {
                terminal.out().print(dryRun ? preview(snapshot) : written(file, snapshot));
            }
            return 0;
        });
    }

    /** The original's own explanation of an existing snapshot file, then {@code Aborted!}: exit 1. */
    private int alreadyExists(String message) {
        terminal.out().print("\n" + terminal.failure("❌ Error:") + " Snapshot file already exists!\n"
                + "   File: " + message + "\n\n"
                + terminal.warning("💡 Tip:") + " Use --force to overwrite the existing snapshot\n\n");
        terminal.err().println("Aborted!");
        return 1;
    }

    private String preview(DriftSnapshot snapshot) {
        return "\n" + terminal.warning("🔍 Dry Run - Snapshot Preview:") + "\n\n"
                + snapshot.toJson() + "\n"
                + "\nℹ️  No files were written (dry run mode)\n\n";
    }

    private String written(Path file, DriftSnapshot snapshot) {
        return "\n" + terminal.success("✅ Drift snapshot generated successfully!") + "\n"
                + "\n" + terminal.heading("📸 Snapshot Details:") + "\n"
                + "   • Path: " + file + "\n"
                + "   • Hash: " + snapshot.hash().substring(0, 12) + "...\n"
                + "   • Generated: " + snapshot.generatedAt() + "\n"
                + "\n" + terminal.heading("📊 Captured State:") + "\n"
                + "   • Tables: " + snapshot.tables().size() + "\n"
                + "   • Resources: " + snapshot.resources().size() + "\n"
                + "\n" + terminal.warning("💡 Next Steps:") + "\n"
                + "   • Use mxcp drift-check to compare against this baseline\n"
                + "   • Commit the snapshot file to version control for team sharing\n\n";
    }
}
