package io.mxcp.core.internal.drift;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.mxcp.core.drift.DriftSnapshotException;
import io.mxcp.core.internal.types.PythonEquality;
import io.mxcp.core.internal.types.PythonText;

/**
 * Reads a snapshot file's JSON and checks that it is a version-1 snapshot holding what a comparison reads, naming
 * the first problem as pydantic would ({@code tables.0.name: Field required}); other keys (the original's test
 * {@code time}) are kept as they are. The original writes a definition's return type as {@code return_}: it is read as
 * {@code return}, the key this implementation writes, so that its snapshots compare with ours.
 */
public final class SnapshotShape {

    private static final List<String> KINDS_WITH_RETURN = List.of("tool", "resource");

    private SnapshotShape() {
    }

    /** The snapshot in the JSON text, its definitions' {@code return_} renamed. */
    public static Map<String, Object> parse(byte[] json) throws DriftSnapshotException, IOException {
        Object parsed;
        try {
            parsed = SnapshotJson.parse(json);
        } catch (JsonProcessingException e) {
            throw invalid("", e.getOriginalMessage());
        }
        Map<String, Object> snapshot = object(parsed, "");
        Object version = snapshot.get("version");
        if (!PythonEquality.equal(version, 1)) {
            throw DriftSnapshotException.invalid("Unsupported snapshot version: " + PythonText.str(version));
        }
        string(snapshot, "generated_at", "");
        List<?> tables = list(required(snapshot, "tables", ""), "tables");
        for (int i = 0; i < tables.size(); i++) {
            String at = "tables." + i;
            Map<String, Object> table = object(tables.get(i), at);
            string(table, "name", at);
            List<?> columns = list(required(table, "columns", at), at + ".columns");
            for (int j = 0; j < columns.size(); j++) {
                Map<String, Object> column = object(columns.get(j), at + ".columns." + j);
                string(column, "name", at + ".columns." + j);
                string(column, "type", at + ".columns." + j);
            }
        }
        List<?> resources = list(required(snapshot, "resources", ""), "resources");
        for (int i = 0; i < resources.size(); i++) {
            resource(object(resources.get(i), "resources." + i), "resources." + i);
        }
        return snapshot;
    }

    private static void resource(Map<String, Object> resource, String at) throws DriftSnapshotException {
        String validationAt = at + ".validation_results";
        Map<String, Object> validation = object(required(resource, "validation_results", at), validationAt);
        string(validation, "status", validationAt);
        string(validation, "path", validationAt);
        if (resource.get("test_results") != null) {
            String testsAt = at + ".test_results";
            Map<String, Object> testResults = object(resource.get("test_results"), testsAt);
            if (testResults.get("tests") != null) {
                List<?> tests = list(testResults.get("tests"), testsAt + ".tests");
                for (int i = 0; i < tests.size(); i++) {
                    object(tests.get(i), testsAt + ".tests." + i);
                }
            }
        }
        if (resource.get("definition") != null) {
            Map<String, Object> definition = object(resource.get("definition"), at + ".definition");
            for (String kind : KINDS_WITH_RETURN) {
                if (definition.get(kind) instanceof Map<?, ?> body && body.containsKey("return_")) {
                    definition.put(kind, withReturnKey(body));
                }
            }
        }
    }

    /** The same entries in the same order, {@code return_} named {@code return}. */
    private static Map<String, Object> withReturnKey(Map<?, ?> body) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        body.forEach((key, value) -> renamed.put("return_".equals(key) ? "return" : (String) key, value));
        return renamed;
    }

    private static Object required(Map<String, Object> map, String key, String at) throws DriftSnapshotException {
        Object value = map.get(key);
        if (value == null) {
            throw invalid(where(at, key), "Field required");
        }
        return value;
    }

    private static void string(Map<String, Object> map, String key, String at) throws DriftSnapshotException {
        if (!(required(map, key, at) instanceof String)) {
            throw invalid(where(at, key), "Input should be a valid string");
        }
    }

    private static List<?> list(Object value, String at) throws DriftSnapshotException {
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(at, "Input should be a valid list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String at) throws DriftSnapshotException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw invalid(at, "Input should be a valid dictionary");
    }

    private static String where(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static DriftSnapshotException invalid(String at, String problem) {
        String detail = at.isEmpty() ? problem : at + ": " + problem;
        return DriftSnapshotException.invalid("Invalid drift snapshot: " + detail);
    }
}
