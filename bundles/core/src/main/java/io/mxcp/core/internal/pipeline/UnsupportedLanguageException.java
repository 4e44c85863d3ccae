package io.mxcp.core.internal.pipeline;

import java.util.List;
import java.util.Set;

import io.mxcp.core.internal.types.PythonText;

/**
 * No executor serves an endpoint's language (spec 01 appendix D). For Python, the likely reason follows: the
 * distribution without Python was unpacked.
 */
public final class UnsupportedLanguageException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedLanguageException(String language, Set<String> available) {
        super("Language '" + language + "' not supported. Available: " + PythonText.repr(List.copyOf(available))
                + (language.equals("python") ? ". No Python executor is installed: the mxcp-<version>-python "
                        + "distribution has it" : ""));
    }
}
