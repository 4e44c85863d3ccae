package io.mxcp.core.internal.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.mxcp.core.internal.types.PythonEquality;
import io.mxcp.core.internal.types.PythonText;

/**
 * The assertions of an endpoint test (spec 02 reference §3.4), checked in their fixed order; the first that fails
 * gives the test's message. Equality is Python's loose {@code ==} ({@code 1 == 1.0}) but for {@code result}, which
 * compares canonical JSON ({@code 1 != 1.0}, key order ignored).
 */
public final class TestAssertions {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TestAssertions() {
    }

    /** The first failing assertion's message, or empty when every assertion of the test holds. */
    public static Optional<String> check(Map<?, ?> test, Object actual) {
        return result(test.get("result"), actual)
                .or(() -> contains(test.get("result_contains"), actual))
                .or(() -> notContains(test.get("result_not_contains"), actual))
                .or(() -> containsItem(test.get("result_contains_item"), actual))
                .or(() -> containsAll(test.get("result_contains_all"), actual))
                .or(() -> length(test.get("result_length"), actual))
                .or(() -> containsText(test.get("result_contains_text"), actual));
    }

    private static Optional<String> result(Object expected, Object actual) {
        if (expected == null || sameJson(expected, actual)) {
            return Optional.empty();
        }
        return Optional.of("Result does not match expected output.\nExpected: " + PythonText.str(expected) + "\nGot: "
                + PythonText.str(actual));
    }

    /** Canonical JSON equality; values JSON cannot hold (dates from YAML) compare loosely instead. */
    private static boolean sameJson(Object expected, Object actual) {
        try {
            return CANONICAL.writeValueAsString(expected).equals(CANONICAL.writeValueAsString(actual));
        } catch (JsonProcessingException e) {
            return PythonEquality.equal(expected, actual);
        }
    }

    private static Optional<String> contains(Object expected, Object actual) {
        if (expected == null) {
            return Optional.empty();
        }
        if (actual instanceof Map<?, ?> object && expected instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (!object.containsKey(field.getKey())) {
                    return Optional.of("Expected field '" + field.getKey() + "' not found in result");
                }
                Object value = object.get(field.getKey());
                if (!PythonEquality.equal(value, field.getValue())) {
                    return Optional.of("Field '" + field.getKey() + "' has value " + PythonText.str(value)
                            + ", expected " + PythonText.str(field.getValue()));
                }
            }
            return Optional.empty();
        }
        if (actual instanceof List<?> items) {
            if (expected instanceof Map<?, ?> fields) {
                return items.stream().anyMatch(item -> holdsAll(item, fields)) ? Optional.empty()
                        : Optional.of("No item in array contains the expected fields: " + PythonText.str(expected));
            }
            return items.stream().anyMatch(item -> PythonEquality.equal(item, expected)) ? Optional.empty()
                    : Optional.of("Array does not contain expected value: " + PythonText.str(expected));
        }
        return Optional.of("result_contains assertion requires dict or array result, got " + pythonClass(actual));
    }

    private static Optional<String> notContains(Object names, Object actual) {
        if (!(names instanceof List<?> fields) || fields.isEmpty()) {
            return Optional.empty();
        }
        if (!(actual instanceof Map<?, ?> object)) {
            return Optional.of("result_not_contains assertion requires dict result, got " + pythonClass(actual));
        }
        return fields.stream().filter(object::containsKey).findFirst()
                .map(field -> "Field '" + field + "' should not be present in result but was found");
    }

    private static Optional<String> containsItem(Object expected, Object actual) {
        if (expected == null) {
            return Optional.empty();
        }
        if (!(actual instanceof List<?> items)) {
            return Optional.of("result_contains_item assertion requires array result, got " + pythonClass(actual));
        }
        return missingItem(List.of(expected), items);
    }

    private static Optional<String> containsAll(Object expected, Object actual) {
        if (!(expected instanceof List<?> wanted) || wanted.isEmpty()) {
            return Optional.empty();
        }
        if (!(actual instanceof List<?> items)) {
            return Optional.of("result_contains_all assertion requires array result, got " + pythonClass(actual));
        }
        return missingItem(wanted, items);
    }

    private static Optional<String> missingItem(List<?> wanted, List<?> items) {
        for (Object item : wanted) {
            boolean found = items.stream().anyMatch(candidate -> PythonEquality.equal(candidate, item)
                    || item instanceof Map<?, ?> fields && holdsAll(candidate, fields));
            if (!found) {
                return Optional.of("Array does not contain expected item: " + PythonText.str(item));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> length(Object expected, Object actual) {
        if (expected == null) {
            return Optional.empty();
        }
        if (!(actual instanceof List<?> items)) {
            return Optional.of("result_length assertion requires array result, got " + pythonClass(actual));
        }
        int wanted = ((Number) expected).intValue();
        return items.size() == wanted ? Optional.empty()
                : Optional.of("Array has " + items.size() + " items, expected " + wanted);
    }

    private static Optional<String> containsText(Object expected, Object actual) {
        if (expected == null || PythonText.str(actual).contains(String.valueOf(expected))) {
            return Optional.empty();
        }
        return Optional.of("Result does not contain expected text: '" + expected + "'");
    }

    /** Whether a value is an object holding every expected key with an equal value. */
    private static boolean holdsAll(Object candidate, Map<?, ?> fields) {
        return candidate instanceof Map<?, ?> object && fields.entrySet().stream().allMatch(field ->
                object.containsKey(field.getKey()) && PythonEquality.equal(object.get(field.getKey()), field.getValue()));
    }

    private static String pythonClass(Object value) {
        return "<class '" + PythonText.typeName(value) + "'>";
    }
}
