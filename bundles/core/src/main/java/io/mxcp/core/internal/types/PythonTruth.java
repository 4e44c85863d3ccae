package io.mxcp.core.internal.types;

import java.util.Collection;
import java.util.Map;

/** Python's truth of a JSON-like value: {@code None}, {@code False}, zero and empty text or containers are false. */
public final class PythonTruth {

    private PythonTruth() {
    }

    public static boolean of(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean flag -> flag;
            case Number number -> number.doubleValue() != 0;
            case CharSequence text -> !text.isEmpty();
            case Collection<?> collection -> !collection.isEmpty();
            case Map<?, ?> map -> !map.isEmpty();
            default -> true;
        };
    }
}
