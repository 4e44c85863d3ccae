package io.mxcp.core.internal.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mxcp.core.drift.DriftReport.ChangeType;
import io.mxcp.core.drift.DriftReport.Column;
import io.mxcp.core.drift.DriftReport.ColumnTypeChange;
import io.mxcp.core.drift.DriftReport.TableChange;

/**
 * Table changes (spec 02 reference §6.2): tables matched by name, their columns by name, a column's type compared as
 * text. Columns that only moved are no change.
 */
public final class TableComparison {

    private TableComparison() {
    }

    public static List<TableChange> changes(List<Map<String, Object>> baseline, List<Map<String, Object>> current) {
        return KeyedChanges.of(byName(baseline), byName(current),
                TableChange::added, TableChange::removed, TableComparison::modified);
    }

    /** Columns added (current order), removed and retyped (baseline order); none of them: no change. */
    private static Optional<TableChange> modified(String name, List<Column> before, List<Column> after) {
        Map<String, String> typesBefore = types(before);
        Map<String, String> typesAfter = types(after);
        List<Column> added = after.stream().filter(c -> !typesBefore.containsKey(c.name())).toList();
        List<Column> removed = before.stream().filter(c -> !typesAfter.containsKey(c.name())).toList();
        List<ColumnTypeChange> retyped = before.stream()
                .filter(c -> typesAfter.containsKey(c.name()) && !typesAfter.get(c.name()).equals(c.type()))
                .map(c -> new ColumnTypeChange(c.name(), c.type(), typesAfter.get(c.name())))
                .toList();
        if (added.isEmpty() && removed.isEmpty() && retyped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableChange(name, ChangeType.MODIFIED, added, removed, retyped));
    }

    /** Each table's columns by table name; a name given twice keeps its last columns, as a Python dict would. */
    private static Map<String, List<Column>> byName(List<Map<String, Object>> tables) {
        Map<String, List<Column>> byName = new LinkedHashMap<>();
        for (Map<String, Object> table : tables) {
            List<Column> columns = ((List<?>) table.get("columns")).stream()
                    .map(column -> (Map<?, ?>) column)
                    .map(column -> new Column((String) column.get("name"), (String) column.get("type")))
                    .toList();
            byName.put((String) table.get("name"), columns);
        }
        return byName;
    }

    private static Map<String, String> types(List<Column> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        columns.forEach(column -> types.put(column.name(), column.type()));
        return types;
    }
}
