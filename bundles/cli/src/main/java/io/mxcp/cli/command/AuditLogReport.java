package io.mxcp.cli.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.mxcp.cli.output.DisplayWidth;
import io.mxcp.cli.output.Json;
import io.mxcp.cli.output.Terminal;
import io.mxcp.core.api.AuditTrail.ChainCheck;
import io.mxcp.core.api.AuditTrail.SignedCheckpoint;
import io.mxcp.kernel.api.LogRecordText;
import io.mxcp.sdk.audit.AuditRecord;

/** What {@code mxcp log} shows a person: the records as a table, or the outcome of {@code --verify}. */
final class AuditLogReport {

    private static final String RULE = "=".repeat(80);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** After the status mark, which heads no column. */
    private static final String[] HEADINGS = {"TIME", "TYPE", "NAME", "POLICY", "DURATION", "USER"};

    private AuditLogReport() {
    }

    /**
     * The records between two rules as a table (status, time, type, name, policy, duration, user; spec 02 quality §5),
     * then their count; with {@code debug} each record's error and business context follow its row.
     *
     * @param zone the time zone the times are shown in (the reader's own)
     */
    static String records(List<AuditRecord> records, boolean debug, Terminal terminal, ZoneId zone) {
        if (records.isEmpty()) {
            return "No audit records found matching the criteria.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        records.forEach(record -> rows.add(cells(record, zone)));
        int[] widths = new int[HEADINGS.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
            }
        });
        StringBuilder text = new StringBuilder("\nAudit records:\n").append(RULE).append('\n');
        text.append("   ").append(row(HEADINGS, widths)).append('\n');
        for (int i = 0; i < records.size(); i++) {
            AuditRecord record = records.get(i);
            String mark = "success".equals(record.operationStatus()) ? terminal.success("✅") : terminal.failure("❌");
            text.append(mark).append(' ').append(row(rows.get(i + 1), widths)).append('\n');
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

    /**
     * A record's cells: no duration (0) reads N/A, no policy n/a, no user unknown; the names callers chose (a token's
     * user, an unknown tool's name) with control characters escaped.
     */
    private static String[] cells(AuditRecord record, ZoneId zone) {
        String duration = record.durationMs() == 0 ? "N/A" : record.durationMs() + "ms";
        String policy = record.policyDecision() == null ? "n/a" : record.policyDecision();
        String user = record.userId() == null || record.userId().isEmpty() ? "unknown" : record.userId();
        return new String[] {TIME.format(record.timestamp().atZone(zone)), record.operationType(),
            LogRecordText.message(record.operationName()), policy, duration, LogRecordText.message(user)};
    }

    /** The cells left-aligned in their columns, two spaces apart; the last one without padding. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - DisplayWidth.of(cells[i]) + 2));
            }
        }
        return line.toString();
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
