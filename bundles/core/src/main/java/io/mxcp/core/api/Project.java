package io.mxcp.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointKind;

/**
 * An opened MXCP project for the active profile. Thread-safe; close it to release executor sessions
 * (the DuckDB connection pool among them).
 */
public interface Project extends AutoCloseable {

    Path root();

    /** The site's {@code project} name. */
    String name();

    /** The active profile. */
    String profile();

    boolean readOnly();

    /** The DuckDB file of the active profile. */
    Path duckdbPath();

    /** The resolved user config (references expanded for the active project and profile). */
    Map<String, Object> userConfig();

    /** The site config, with defaults applied. */
    Map<String, Object> siteConfig();

    /** Every endpoint file under the tool, resource and prompt folders, sorted by path (spec 01 §1.5). */
    List<DiscoveredEndpoint> endpoints();

    /** Validates every discovered file (spec 01 §2.11), reporting every bad file. */
    List<ValidationResult> validateAll();

    /** Validates one endpoint file (absolute, or relative to the root). */
    ValidationResult validate(Path file);

    /**
     * Runs an endpoint through the whole pipeline: lookup, input conversion, executor, output shaping,
     * validation and serialization. Tools and resources return the serialized result (JSON-ready maps,
     * lists, strings, numbers, booleans, null); prompts return the rendered messages as a list of
     * {@code {prompt, role, type}} maps.
     *
     * @param identifier a tool or prompt name, or a resource URI exactly as declared
     */
    Object execute(EndpointKind kind, String identifier, Map<String, Object> arguments, CallOptions options)
            throws EndpointException;

    /** Opens the executor sessions now (creating the DuckDB file when missing). */
    void initializeRuntime() throws ProjectException;

    @Override
    void close();
}
