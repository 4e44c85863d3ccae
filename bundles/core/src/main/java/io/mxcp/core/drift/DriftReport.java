package io.mxcp.core.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between a baseline snapshot and the current one (spec 02 reference §6.2).
 *
 * @param generatedAt         when the report was made (ISO-8601 UTC)
 * @param baselinePath        the baseline snapshot file
 * @param currentGeneratedAt  when the current snapshot was taken
 * @param baselineGeneratedAt when the baseline snapshot was taken
 * @param tableChanges        added tables (current order), removed ones (baseline order), then modified ones
 *                            (baseline order)
 * @param resourceChanges     endpoint files, in the same order
 */
public record DriftReport(String generatedAt, String baselinePath, String currentGeneratedAt,
        String baselineGeneratedAt, List<TableChange> tableChanges, List<ResourceChange> resourceChanges) {

    public DriftReport {
        tableChanges = List.copyOf(tableChanges);
        resourceChanges = List.copyOf(resourceChanges);
    }

    /** How a table or an endpoint file changed. */
    public enum ChangeType {
        ADDED, REMOVED, MODIFIED;

        /** {@code added}, {@code removed} or {@code modified}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A column and its DuckDB type, e.g. {@code DECIMAL(10,2)}. */
    public record Column(String name, String type) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("type", type);
            return json;
        }
    }

    /** A column whose type changed. */
    public record ColumnTypeChange(String name, String oldType, String newType) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("old_type", oldType);
            json.put("new_type", newType);
            return json;
        }
    }

    /**
     * A table that was added (all its columns added), removed (all removed) or modified.
     *
     * @param columnsAdded    in the current table's order
     * @param columnsRemoved  in the baseline table's order
     * @param columnsModified in the baseline table's order
     */
    public record TableChange(String name, ChangeType changeType, List<Column> columnsAdded,
            List<Column> columnsRemoved, List<ColumnTypeChange> columnsModified) {

        public TableChange {
            columnsAdded = List.copyOf(columnsAdded);
            columnsRemoved = List.copyOf(columnsRemoved);
            columnsModified = List.copyOf(columnsModified);
        }

        /** A table only the current snapshot has: all its columns are added. */
        public static TableChange added(String name, List<Column> columns) {
            return new TableChange(name, ChangeType.ADDED, columns, List.of(), List.of());
        }

        /** A table only the baseline has: all its columns are removed. */
        public static TableChange removed(String name, List<Column> columns) {
            return new TableChange(name, ChangeType.REMOVED, List.of(), columns, List.of());
        }

        /** Empty lists are left out. */
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("change_type", changeType.jsonName());
            putUnlessEmpty(json, "columns_added", columnsAdded.stream().map(Column::toJson).toList());
            putUnlessEmpty(json, "columns_removed", columnsRemoved.stream().map(Column::toJson).toList());
            putUnlessEmpty(json, "columns_modified", columnsModified.stream().map(ColumnTypeChange::toJson).toList());
            return json;
        }
    }

    /** A status before and after; null when that side has none. */
    public record StatusChange(String oldStatus, String newStatus) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            putUnlessNull(json, "old_status", oldStatus);
            putUnlessNull(json, "new_status", newStatus);
            return json;
        }
    }

    /**
     * An endpoint file that was added, removed or modified. The flags and status changes concern modified files only.
     *
     * @param path             the file, relative to the project root
     * @param endpoint         {@code tool/<name>}, {@code resource/<uri>} or {@code prompt/<name>} from the definition
     *                         (the current one, or the baseline's for a removed file); null without a definition
     * @param validationChange the validation statuses when validation changed, else null
     * @param testChange       the test statuses when the test results changed, else null
     */
    public record ResourceChange(String path, String endpoint, ChangeType changeType, boolean validationChanged,
            boolean testResultsChanged, boolean definitionChanged, StatusChange validationChange,
            StatusChange testChange) {

        /** A file only the current snapshot has. */
        public static ResourceChange added(String path, String endpoint) {
            return new ResourceChange(path, endpoint, ChangeType.ADDED, false, false, false, null, null);
        }

        /** A file only the baseline has. */
        public static ResourceChange removed(String path, String endpoint) {
            return new ResourceChange(path, endpoint, ChangeType.REMOVED, false, false, false, null, null);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", path);
            putUnlessNull(json, "endpoint", endpoint);
            json.put("change_type", changeType.jsonName());
            Map<String, Object> details = new LinkedHashMap<>();
            switch (changeType) {
                case ADDED -> details.put("added_resource", true);
                case REMOVED -> details.put("removed_resource", true);
                case MODIFIED -> {
                    json.put("validation_changed", validationChanged);
                    json.put("test_results_changed", testResultsChanged);
                    json.put("definition_changed", definitionChanged);
                    if (validationChange != null) {
                        details.put("validation_changes", validationChange.toJson());
                    }
                    if (testChange != null) {
                        details.put("test_changes", testChange.toJson());
                    }
                }
            }
            if (!details.isEmpty()) {
                json.put("details", details);
            }
            return json;
        }
    }

    /** Whether anything changed. */
    public boolean hasDrift() {
        return !tableChanges.isEmpty() || !resourceChanges.isEmpty();
    }

    /** How many tables changed that way. */
    public long tables(ChangeType type) {
        return tableChanges.stream().filter(change -> change.changeType() == type).count();
    }

    /** How many endpoint files changed that way. */
    public long resources(ChangeType type) {
        return resourceChanges.stream().filter(change -> change.changeType() == type).count();
    }

    /** The report's JSON: {@code {version, generated_at, ..., has_drift, summary, table_changes, resource_changes}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (ChangeType type : ChangeType.values()) {
            summary.put("tables_" + type.jsonName(), tables(type));
        }
        for (ChangeType type : ChangeType.values()) {
            summary.put("resources_" + type.jsonName(), resources(type));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", 1);
        json.put("generated_at", generatedAt);
        json.put("baseline_snapshot_path", baselinePath);
        json.put("current_snapshot_generated_at", currentGeneratedAt);
        json.put("baseline_snapshot_generated_at", baselineGeneratedAt);
        json.put("has_drift", hasDrift());
        json.put("summary", summary);
        json.put("table_changes", tableChanges.stream().map(TableChange::toJson).toList());
        json.put("resource_changes", resourceChanges.stream().map(ResourceChange::toJson).toList());
        return json;
    }

    private static void putUnlessEmpty(Map<String, Object> json, String key, List<?> values) {
        if (!values.isEmpty()) {
            json.put(key, values);
        }
    }

    private static void putUnlessNull(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
