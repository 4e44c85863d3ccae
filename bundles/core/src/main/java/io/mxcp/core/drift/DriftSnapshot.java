package io.mxcp.core.drift;

import java.util.List;
import java.util.Map;

import io.mxcp.core.internal.drift.SnapshotJson;

/**
 * A drift snapshot (spec 02 reference §6.1) as the JSON tree its file holds: maps in key order, lists, strings, numbers
 * and booleans, no nulls. The tree is not copied.
 *
 * @param json {@code {version, generated_at, tables, resources}}
 */
public record DriftSnapshot(Map<String, Object> json) {

    /** When the snapshot was taken: ISO-8601 UTC, e.g. {@code 2025-01-01T12:00:00.123456+00:00}. */
    public String generatedAt() {
        return (String) json.get("generated_at");
    }

    /** The database's tables: {@code [{name, columns: [{name, type}]}]}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> tables() {
        return (List<Map<String, Object>>) json.get("tables");
    }

    /** One entry per endpoint file: {@code [{validation_results, test_results?, definition?, metadata?}]}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> resources() {
        return (List<Map<String, Object>>) json.get("resources");
    }

    /** The snapshot file's text: JSON indented by two spaces, non-ASCII escaped. */
    public String toJson() {
        return SnapshotJson.indented(json);
    }

    /** The {@code drift_hash}: SHA-256 (hex) of the snapshot as Python's {@code json.dumps(sort_keys=True)} has it. */
    public String hash() {
        return SnapshotJson.sha256(json);
    }
}
