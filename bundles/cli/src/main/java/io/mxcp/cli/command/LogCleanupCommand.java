package io.mxcp.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mxcp log-cleanup}: removes the audit records older than their schema's retention, or counts them
 * ({@code --dry-run}); meant for a daily timer, so a profile without audit logging is skipped, not an error
 * (spec 02 §7.2).
 */
@Command(name = "log-cleanup", mixinStandardHelpOptions = true,
        description = "Delete the audit records older than their schema's retention.")
final class LogCleanupCommand extends AuditSubcommand {

    @Option(names = "--dry-run", arity = "0", description = "Only count the records that would be deleted.")
    boolean dryRun;

    LogCleanupCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute() throws Exception {
        try (Project project = openProject(false)) {
            AuditTrail trail = project.auditTrail();
            if (!trail.enabled()) {
                String message = "Audit logging is not enabled for profile '" + project.profile() + "'";
                if (jsonOutput) {
                    printJsonResult(payload("skipped", message, Map.of()));
                } else {
                    terminal.out().println(message);
                }
                return 0;
            }
            if (!jsonOutput) {
                terminal.out().print(RetentionReport.header(dryRun));
            }
            Map<String, Long> removed = new LinkedHashMap<>();
            trail.applyRetention(dryRun).forEach((schema, count) -> {
                if (count > 0) {
                    removed.put(schema, count);
                }
            });
            if (jsonOutput) {
                long total = RetentionReport.total(removed);
                printJsonResult(dryRun ? payload("dry_run", "Would delete " + total + " records", removed)
                        : payload("success", "Deleted " + total + " records", removed));
            } else {
                terminal.out().print(RetentionReport.outcome(removed, dryRun));
            }
            return 0;
        }
    }

    private static Map<String, Object> payload(String status, String message, Map<String, Long> removed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", status);
        payload.put("message", message);
        payload.put("deleted_per_schema", removed);
        return payload;
    }
}
