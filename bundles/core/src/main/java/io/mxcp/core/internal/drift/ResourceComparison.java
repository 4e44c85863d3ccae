package io.mxcp.core.internal.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mxcp.core.drift.DriftReport.ChangeType;
import io.mxcp.core.drift.DriftReport.ResourceChange;
import io.mxcp.core.drift.DriftReport.StatusChange;
import io.mxcp.core.internal.types.PythonEquality;
import io.mxcp.core.model.EndpointKind;

/**
 * Endpoint file changes (spec 02 reference §6.2), files matched by {@code validation_results.path}. A file is
 * modified when its validation ({@code status}, {@code message}), its test results (one side missing, {@code status},
 * {@code tests_run} or each test's name and status, in order) or its definition (Python's {@code ==}) changed.
 */
public final class ResourceComparison {

    private ResourceComparison() {
    }

    public static List<ResourceChange> changes(List<Map<String, Object>> baseline, List<Map<String, Object>> current) {
        return KeyedChanges.of(byPath(baseline), byPath(current),
                (path, file) -> ResourceChange.added(path, endpoint(file)),
                (path, file) -> ResourceChange.removed(path, endpoint(file)),
                ResourceComparison::modified);
    }

    private static Optional<ResourceChange> modified(String path, Map<String, Object> before,
            Map<String, Object> after) {
        Map<?, ?> validationBefore = (Map<?, ?>) before.get("validation_results");
        Map<?, ?> validationAfter = (Map<?, ?>) after.get("validation_results");
        boolean validationChanged = !Objects.equals(validationBefore.get("status"), validationAfter.get("status"))
                || !Objects.equals(validationBefore.get("message"), validationAfter.get("message"));
        Map<?, ?> testsBefore = (Map<?, ?>) before.get("test_results");
        Map<?, ?> testsAfter = (Map<?, ?>) after.get("test_results");
        boolean testsChanged = testsChanged(testsBefore, testsAfter);
        boolean definitionChanged = !PythonEquality.equal(before.get("definition"), after.get("definition"));
        if (!validationChanged && !testsChanged && !definitionChanged) {
            return Optional.empty();
        }
        return Optional.of(new ResourceChange(path, endpoint(after), ChangeType.MODIFIED, validationChanged,
                testsChanged, definitionChanged,
                validationChanged ? new StatusChange(status(validationBefore), status(validationAfter)) : null,
                testsChanged ? new StatusChange(status(testsBefore), status(testsAfter)) : null));
    }

    private static boolean testsChanged(Map<?, ?> before, Map<?, ?> after) {
        if (before == null || after == null) {
            return before != after;
        }
        return !Objects.equals(before.get("status"), after.get("status"))
                || !PythonEquality.equal(before.get("tests_run"), after.get("tests_run"))
                || !outcomes(before).equals(outcomes(after));
    }

    /** Each test's name and status, in order: error texts and timings do not count. */
    private static List<List<Object>> outcomes(Map<?, ?> testResults) {
        if (!(testResults.get("tests") instanceof List<?> tests)) {
            return List.of();
        }
        return tests.stream().map(test -> (Map<?, ?>) test)
                .map(test -> Arrays.asList(test.get("name"), test.get("status")))
                .toList();
    }

    /** {@code tool/<name>}, {@code resource/<uri>} or {@code prompt/<name>} from the definition; null without one. */
    private static String endpoint(Map<String, Object> file) {
        if (file.get("definition") instanceof Map<?, ?> definition) {
            for (EndpointKind kind : EndpointKind.values()) {
                if (definition.get(kind.yamlKey()) instanceof Map<?, ?> body) {
                    return kind.yamlKey() + "/" + body.get(kind == EndpointKind.RESOURCE ? "uri" : "name");
                }
            }
        }
        return null;
    }

    private static String status(Map<?, ?> results) {
        return results == null ? null : Objects.toString(results.get("status"), null);
    }

    /** Files by path; a path given twice keeps its last entry, as a Python dict would. */
    private static Map<String, Map<String, Object>> byPath(List<Map<String, Object>> files) {
        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        for (Map<String, Object> file : files) {
            byPath.put((String) ((Map<?, ?>) file.get("validation_results")).get("path"), file);
        }
        return byPath;
    }
}
