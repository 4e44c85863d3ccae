package io.mxcp.cli.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.mxcp.cli.output.Json;
import io.mxcp.cli.output.Terminal;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.sdk.audit.AuditRecord;

/** What {@code mxcp log} shows a person: the records one a line, or the outcome of {@code --verify}. */
final class AuditLogReport {

    private static final String RULE = "=".repeat(80);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditLogReport() {
    }

    /**
     * The records between two rules, then their count; with {@code debug} each record's error and business context
     * follow it.
     *
     * @param zone the time zone the times are shown in (the reader's own)
     */
    static String records(List<AuditRecord> records, boolean debug, Terminal terminal, ZoneId zone) {
        if (records.isEmpty()) {
            return "No audit records found matching the criteria.\n";
        }
        StringBuilder text = new StringBuilder("\nAudit records:\n").append(RULE).append('\n');
        for (AuditRecord record : records) {
            text.append(line(record, terminal, zone)).append('\n');
            if (debug) {
                if (record.error() != null && !record.error().isEmpty()) {
                    text.append(ErrorText.indented("  ", record.error(), terminal));
                }
                if (!record.businessContext().isEmpty()) {
                    text.append("  Context: ").append(Json.compact(record.businessContext())).append('\n');
                }
                text.append('\n');
            }
        }
        return text.append(RULE).append("\n\nTotal records: ").append(records.size()).append('\n').toString();
    }

    /** {@code ✅ 2024-01-15 10:00:00 [tool] name (12ms) - user}; no duration (0) reads N/A, no user unknown. */
    private static String line(AuditRecord record, Terminal terminal, ZoneId zone) {
        String mark = "success".equals(record.operationStatus()) ? terminal.success("✅") : terminal.failure("❌");
        String duration = record.durationMs() == 0 ? "N/A" : record.durationMs() + "ms";
        String user = record.userId() == null || record.userId().isEmpty() ? "unknown" : record.userId();
        return mark + " " + TIME.format(record.timestamp().atZone(zone)) + " [" + record.operationType() + "] "
                + record.operationName() + " (" + duration + ") - " + user;
    }

    /**
     * {@code Audit log integrity: valid (n records checked)}, or INVALID and each break on a line of its own; then
     * what the newest signed checkpoint covers.
     */
    static String integrity(ChainCheck check, Terminal terminal) {
        String checked = " (" + check.recordsChecked() + " records checked)\n";
        StringBuilder text = new StringBuilder();
        if (check.valid()) {
            text.append(terminal.success("Audit log integrity: valid")).append(checked);
        } else {
            text.append(terminal.failure("Audit log integrity: INVALID")).append(checked);
            check.chainBreaks().forEach(chainBreak -> text.append("  ").append(terminal.failure("✗ "))
                    .append(chainBreak).append('\n'));
        }
        SignedCheckpoint last = check.lastCheckpoint();
        if (last == null) {
            text.append("No signed checkpoint: records cut from the end of the log would go unnoticed\n");
        } else if (!check.valid()) {
            // the log may no longer reach the checkpoint (records cut from its end): say what it signed, not that the
            // log is signed through it
            text.append("Newest signed checkpoint: record ").append(last.records()).append(" (of ").append(last.at())
                    .append(")\n");
        } else {
            text.append("Signed through record ").append(last.records()).append(" (checkpoint of ").append(last.at())
                    .append("); ").append(last.recordsAfter()).append(" later records not signed yet\n");
        }
        return text.toString();
    }
}
