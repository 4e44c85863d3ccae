package io.mxcp.core.model;

/**
 * The {@code source} block: exactly one of inline code or a file path (as written in the YAML).
 */
public record SourceDefinition(String code, String file, String language) {
}
