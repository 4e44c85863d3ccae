package io.mxcp.core.evals;

import java.nio.file.Path;

/**
 * An eval file found under the project's {@code paths.evals}: its suite, or why it could not be loaded.
 *
 * @param path         absolute
 * @param relativePath relative to the project root
 * @param suite        null when the file failed to load
 * @param error        {@code Failed to load eval file <path>: <location>: <message>}, or null
 */
public record EvalSuiteFile(Path path, String relativePath, EvalSuite suite, String error) {

    public boolean loaded() {
        return suite != null;
    }
}
