package io.mxcp.core.internal.prompt;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** The name Python gives a template value's type, for errors worded as Python's ({@code expected str, int found}). */
final class PythonTypeName {

    private PythonTypeName() {
    }

    static String of(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case PythonNone none -> "NoneType";
            case String text -> "str";
            case Boolean flag -> "bool";
            case Long number -> "int";
            case Integer number -> "int";
            case BigInteger number -> "int";
            case Number number -> "float";
            case Map<?, ?> map -> "dict";
            case Collection<?> items -> "list";
            default -> value.getClass().getSimpleName();
        };
    }
}
