package io.mxcp.cli.command;

import java.util.Map;

/** What {@code mxcp log-cleanup} shows a person, in the original's words. */
final class RetentionReport {

    private RetentionReport() {
    }

    /** Printed before the work starts, which can take a while on a large log. */
    static String header(boolean dryRun) {
        return dryRun ? "DRY RUN: Analyzing what would be deleted...\n\n" : "Applying retention policies...\n";
    }

    /** @param removed the records removed (or that would be), keyed {@code <schema>:v<version>}, none zero */
    static String outcome(Map<String, Long> removed, boolean dryRun) {
        long total = total(removed);
        StringBuilder text = new StringBuilder();
        if (!dryRun && total > 0) {
            text.append("\nDeleted records by schema:\n");
        }
        removed.forEach((schema, count) -> text.append("  ").append(schema).append(": ").append(count)
                .append(" records\n"));
        if (total == 0) {
            return text.append(dryRun ? "No records would be deleted.\n" : "No records were deleted.\n").toString();
        }
        if (dryRun) {
            return text.append("\nTotal records that would be deleted: ").append(total)
                    .append("\n\nRun without --dry-run to actually delete these records.\n").toString();
        }
        return text.append("\nTotal records deleted: ").append(total).append('\n').toString();
    }

    static long total(Map<String, Long> removed) {
        return removed.values().stream().mapToLong(Long::longValue).sum();
    }
}
