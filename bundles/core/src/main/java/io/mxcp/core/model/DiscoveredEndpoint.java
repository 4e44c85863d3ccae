package io.mxcp.core.model;

import java.nio.file.Path;

/**
 * One endpoint file found by discovery (spec 01 §1.5): either its definition or the error that kept it
 * from loading.
 *
 * @param file         the YAML file; null for a built-in SQL tool (spec 01 §4.6)
 * @param relativePath the file's path relative to the project root, with {@code /} separators
 * @param kind         the kind scanned for (the folder's kind)
 * @param identifier   tool/prompt name or resource URI; null when the file did not load
 * @param definition   null when the file did not load
 * @param error        null when the file loaded
 */
public record DiscoveredEndpoint(Path file, String relativePath, EndpointKind kind, String identifier,
        EndpointDefinition definition, String error) {

    public boolean loaded() {
        return error == null;
    }

    /** Whether a file of the project defines it: false for the built-in SQL tools, which only a server serves. */
    public boolean fromFile() {
        return file != null;
    }
}
