package io.mxcp.core.api;

import io.mxcp.core.internal.types.PythonText;

/**
 * Values as Python's {@code str()} prints them ({@code [1, 2, 3]}, {@code {'a': True}}), for the command lines that
 * echo a value the original printed with Python.
 *
 * @since 1.13
 */
public final class PythonStrings {

    private PythonStrings() {
    }

    public static String str(Object value) {
        return PythonText.str(value);
    }
}
