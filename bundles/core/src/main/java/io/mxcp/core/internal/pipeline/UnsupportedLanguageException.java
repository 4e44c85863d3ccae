package io.mxcp.core.internal.pipeline;

import java.util.Set;

import io.mxcp.core.internal.types.PythonText;

/** No executor serves an endpoint's language (spec 01 appendix D). */
public final class UnsupportedLanguageException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedLanguageException(String language, Set<String> available) {
        super("Language '" + language + "' not supported. Available: " + PythonText.repr(java.util.List.copyOf(available)));
    }
}
