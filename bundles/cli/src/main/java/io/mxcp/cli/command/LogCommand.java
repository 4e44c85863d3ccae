package io.mxcp.cli.command;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.output.CsvFile;
import io.mxcp.cli.output.DuckDbTable;
import io.mxcp.core.api.AuditTrail;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.sdk.audit.AuditRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mxcp log}: the records of the active profile's audit log, newest first, filtered; or all the matching
 * records exported to CSV or DuckDB; or ({@code --verify}, ours) a check of the log's hash chain and signed
 * checkpoints, from the log's files alone; or ({@code --hmac-of}, ours) what a sensitive value is recorded as (spec 02
 * §7.1).
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Show the audit log's records, newest first, or export them.")
final class LogCommand extends AuditSubcommand {

    /** The table an export to DuckDB appends to. */
    private static final String TABLE = "audit_logs";

    @Mixin
    LogFilters filters;

    @Spec
    CommandSpec spec;

    int limit;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show at most N records (default: 100; 0: all). Exports take every match.")
    void limit(int value) {
        if (value < 0) { // a usage error (exit 2), as a value that is no number
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--limit': " + value + " is not in the range x>=0.");
        }
        limit = value;
    }

    @Option(names = "--export-csv", paramLabel = "PATH", description = "Write the matching records to a CSV file.")
    String csvPath;

    @Option(names = "--export-duckdb", paramLabel = "PATH",
            description = "Append the matching records to table audit_logs of a DuckDB file (wins over --export-csv).")
    String duckdbPath;

    @Option(names = "--verify", arity = "0", description = "Check the hash chain of the whole log and its signed checkpoints"
            + " instead (exit 1 when broken).")
    boolean verify;

    @Option(names = "--public-key", paramLabel = "PATH", description = "With --verify: the Ed25519 public key (PEM) to"
            + " check checkpoint signatures with, e.g. a copy kept off the host (default: the one beside the signing"
            + " key).")
    String publicKey;

    @Option(names = "--backend", paramLabel = "NAME", description = "Read the log as this backend of the profile's"
            + " audit.backends keeps it (default: the first listed that can be read).")
    String backend;

    @Option(names = "--hmac-of", paramLabel = "VALUE", description = "Print what a sensitive value is recorded as in"
            + " this log (its HMAC under the log's secret key), to search the records for, instead.")
    String hmacOf;

    LogCommand(CliContext context) {
        super(context);
    }

    /** Writes exported rows to a file. */
    @FunctionalInterface
    private interface RowsWriter {
        void write(Path file, List<Map<String, Object>> rows) throws Exception;
    }

    @Override
    int execute() throws Exception {
        return CancelOnStop.run(context.services(), terminal, jsonOutput, stop -> {
            try (Project project = openProject(false)) {
                return read(project, stop);
            }
        });
    }

    /** Reads what the options ask for; nothing is printed or exported once the operator stopped the process. */
    private int read(Project project, CancelOnStop stop) throws Exception {
        AuditTrail trail = project.auditTrail();
        if (!trail.enabled()) {
            throw new ProjectException("Audit logging is not enabled for profile '" + project.profile()
                    + "'. Enable it in mxcp-site.yml under profiles." + project.profile() + ".audit.enabled");
        }
        if (backend != null) {
            trail = trail.readingFrom(backend);
        }
        if (hmacOf != null) {
            String hmac = trail.hmacOf(hmacOf);
            stop.commit();
            return printHmac(hmac);
        }
        if (verify) {
            ChainCheck check = trail.verify(publicKey == null ? null : context.workingDirectory().resolve(publicKey));
            stop.commit();
            return verify(check);
        }
        if (duckdbPath != null || csvPath != null) {
            List<AuditRecord> matches = trail.query(filters.query(Instant.now(), 0));
            stop.commit();
            // as in the original: given both export flags, only the DuckDB export happens
            return duckdbPath != null
                    ? export(matches, "duckdb", duckdbPath, (file, rows) -> DuckDbTable.append(file, TABLE, rows))
                    : export(matches, "csv", csvPath, CsvFile::write);
        }
        List<AuditRecord> records = trail.query(filters.query(Instant.now(), limit));
        stop.commit();
        show(records);
        return 0;
    }

    private void show(List<AuditRecord> records) {
        if (jsonOutput) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("count", records.size());
            payload.put("records", records.stream().map(AuditRecordFields::listed).toList());
            printJsonResult(payload);
        } else {
            terminal.out().print(AuditLogReport.records(records, debug(), terminal, ZoneId.systemDefault()));
            if (limit > 0 && records.size() == limit) {
                // the count above is what --limit let through, which an auditor may take for all that match
                terminal.out().println(terminal.muted("The newest " + limit + " shown (--limit); more may match: "
                        + "--limit 0 shows all"));
            }
        }
    }

    /** @param path the file as the user gave it (relative to the working directory), reported as given */
    private int export(List<AuditRecord> records, String format, String path, RowsWriter writer) throws Exception {
        try {
            writer.write(context.workingDirectory().resolve(path),
                    records.stream().map(AuditRecordFields::exported).toList());
        } catch (NoSuchFileException | AccessDeniedException e) {
            // the JDK's message is the path alone
            throw CommandFailure.command("Cannot write " + path + ": " + (e instanceof NoSuchFileException
                    ? "its folder does not exist" : "permission denied"));
        }
        if (jsonOutput) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("exported", records.size());
            payload.put("format", format);
            payload.put("path", path);
            printJsonResult(payload);
        } else {
            terminal.out().println("Exported " + records.size() + " records to " + path);
        }
        return 0;
    }

    private int verify(ChainCheck check) {
        if (jsonOutput) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("valid", check.valid());
            payload.put("records_checked", check.recordsChecked());
            payload.put("chain_breaks", check.chainBreaks());
            payload.put("last_checkpoint", checkpointFields(check.lastCheckpoint()));
            printJsonResult(payload);
        } else {
            terminal.out().print(AuditLogReport.integrity(check, terminal));
        }
        return check.valid() ? 0 : 1;
    }

    private int printHmac(String hmac) {
        if (jsonOutput) {
            printJsonResult(Map.of("hmac", hmac));
        } else {
            terminal.out().println(hmac);
        }
        return 0;
    }

    private static Map<String, Object> checkpointFields(SignedCheckpoint checkpoint) {
        if (checkpoint == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", checkpoint.records());
        fields.put("head", checkpoint.head());
        fields.put("at", checkpoint.at().toString());
        fields.put("records_after", checkpoint.recordsAfter());
        return fields;
    }
}
