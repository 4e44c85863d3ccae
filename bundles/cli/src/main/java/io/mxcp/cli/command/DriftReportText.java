package io.mxcp.cli.command;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.mxcp.cli.output.Terminal;
import io.mxcp.core.drift.DriftReport;
import io.mxcp.core.drift.DriftReport.ChangeType;
import io.mxcp.core.drift.DriftReport.Column;
import io.mxcp.core.drift.DriftReport.ResourceChange;
import io.mxcp.core.drift.DriftReport.StatusChange;
import io.mxcp.core.drift.DriftReport.TableChange;

/**
 * The human drift report, as the original means it (its own formatter fails, spec 02 reference §6.2): header,
 * verdict, counts, then one line per changed table and endpoint file. Columns and statuses are listed under
 * {@code --debug} only.
 */
final class DriftReportText {

    private final Terminal terminal;
    private final boolean debug;

    DriftReportText(Terminal terminal, boolean debug) {
        this.terminal = terminal;
        this.debug = debug;
    }

    String render(DriftReport report) {
        StringBuilder text = new StringBuilder();
        text.append(terminal.heading("Drift Report (Generated: " + report.generatedAt() + ")")).append('\n')
                .append("Baseline: ").append(report.baselinePath()).append('\n')
                .append("Baseline Generated: ").append(report.baselineGeneratedAt()).append('\n')
                .append("Current Generated: ").append(report.currentGeneratedAt()).append("\n\n")
                .append(report.hasDrift() ? terminal.failure("🔴 DRIFT DETECTED")
                        : terminal.success("✅ NO DRIFT DETECTED")).append("\n\n")
                .append("Summary:\n")
                .append("  Tables: ").append(counts(report::tables)).append('\n')
                .append("  Resources: ").append(counts(report::resources)).append("\n\n");
        if (!report.tableChanges().isEmpty()) {
            text.append("Table Changes:\n");
            report.tableChanges().forEach(change -> table(text, change));
            text.append('\n');
        }
        if (!report.resourceChanges().isEmpty()) {
            text.append("Resource Changes:\n");
            report.resourceChanges().forEach(change -> resource(text, change));
            text.append('\n');
        }
        if (!report.hasDrift()) {
            text.append("No changes detected.\n");
        }
        return text.toString();
    }

    /** {@code a added, r removed, m modified} */
    private static String counts(ToLongFunction<ChangeType> count) {
        return Arrays.stream(ChangeType.values()).map(type -> count.applyAsLong(type) + " " + type.jsonName())
                .collect(Collectors.joining(", "));
    }

    private void table(StringBuilder text, TableChange change) {
        text.append("  ").append(marker(change.changeType())).append(' ').append(change.name())
                .append(" (").append(change.changeType().jsonName()).append(")\n");
        switch (change.changeType()) {
            case ADDED -> columns(text, "    ", "+", change.columnsAdded());
            case REMOVED -> columns(text, "    ", "-", change.columnsRemoved());
            case MODIFIED -> {
                counted(text, "Columns added", change.columnsAdded().size());
                columns(text, "      ", "+", change.columnsAdded());
                counted(text, "Columns removed", change.columnsRemoved().size());
                columns(text, "      ", "-", change.columnsRemoved());
                counted(text, "Columns modified", change.columnsModified().size());
                if (debug) {
                    change.columnsModified().forEach(column -> text.append("      ~ ").append(column.name())
                            .append(": ").append(column.oldType()).append(" → ").append(column.newType()).append('\n'));
                }
            }
        }
    }

    private static void counted(StringBuilder text, String label, int count) {
        if (count > 0) {
            text.append("    ").append(label).append(": ").append(count).append('\n');
        }
    }

    /** {@code + name (TYPE)} per column, under {@code --debug} only. */
    private void columns(StringBuilder text, String indent, String sign, List<Column> columns) {
        if (debug) {
            columns.forEach(column -> text.append(indent).append(sign).append(' ').append(column.name())
                    .append(" (").append(column.type()).append(")\n"));
        }
    }

    private void resource(StringBuilder text, ResourceChange change) {
        text.append("  ").append(marker(change.changeType())).append(' ').append(change.path())
                .append(" (").append(change.endpoint() == null ? "unknown" : change.endpoint()).append(") (")
                .append(change.changeType().jsonName()).append(")\n");
        if (change.changeType() != ChangeType.MODIFIED) {
            return;
        }
        StringJoiner changed = new StringJoiner(", ");
        if (change.validationChanged()) {
            changed.add("validation");
        }
        if (change.testResultsChanged()) {
            changed.add("tests");
        }
        if (change.definitionChanged()) {
            changed.add("definition");
        }
        text.append("    Changed: ").append(changed).append('\n');
        if (debug) {
            statuses(text, "Validation", change.validationChange());
            statuses(text, "Tests", change.testChange());
        }
    }

    /** {@code old → new}; a side without results shows as {@code none}. */
    private static void statuses(StringBuilder text, String label, StatusChange change) {
        if (change != null) {
            text.append("    ").append(label).append(": ").append(orNone(change.oldStatus())).append(" → ")
                    .append(orNone(change.newStatus())).append('\n');
        }
    }

    private static String orNone(String status) {
        return status == null ? "none" : status;
    }

    private String marker(ChangeType type) {
        return switch (type) {
            case ADDED -> terminal.success("+");
            case REMOVED -> terminal.failure("-");
            case MODIFIED -> terminal.warning("~");
        };
    }
}
