package io.mxcp.sdk.exec;

import java.nio.file.Path;

/**
 * What an executor runs: an endpoint's identity and its source.
 *
 * @param kind           {@code tool}, {@code resource} or {@code prompt}
 * @param name           the tool or prompt name, or the resource URI
 * @param language       {@code sql}, {@code python}, ...
 * @param code           the source text (inline code, or the file's content), never null
 * @param file           the source file, or null for inline code
 * @param definitionFile the YAML file that defines the endpoint
 */
public record EndpointSource(String kind, String name, String language, String code, Path file, Path definitionFile) {
}
