package io.mxcp.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.mxcp.core.model.DiscoveredEndpoint;
import io.mxcp.core.model.EndpointDefinition;
import io.mxcp.core.model.EndpointKind;

/**
 * An opened MXCP project for the active profile. Thread-safe; close it to release executor sessions
 * (the DuckDB connection pool among them). The core provides projects; a bundle that implements this interface
 * (a decorator such as the CLI's served project) implements every method and binds to one minor version.
 */
@ProviderType
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

    /**
     * Runs SQL on the project's DuckDB as {@code mxcp query} does (spec 02 §7): extensions, secrets, plugins
     * and the built-in functions are in place; {@code $name} parameters are bound from the map by name
     * (case-insensitive, spec 01 §4.2); statements before the last run as they are and only the last one's
     * rows are returned. Rows are JSON-ready maps in column order (spec 01 §3.7 mapping, §3.6 serialization:
     * DATE columns as {@code 2024-01-02T00:00:00}, timestamps ISO, NaN as null). DML without RETURNING gives
     * {@code [{Count: n}]}, DDL gives {@code []}.
     *
     * @param parameters values bound as {@code $name}; strings stay strings (no type conversion)
     * @param options    the caller (usually none) and cancellation; may be null
     * @throws EndpointException {@link EndpointException.Reason#EXECUTION_FAILED} with DuckDB's own message
     *                           (e.g. {@code Catalog Error: Table with name x does not exist!...}), without the
     *                           {@code Failed to execute SQL: } prefix endpoint calls carry
     * @since 1.1
     */
    List<Map<String, Object>> query(String sql, Map<String, Object> parameters, CallOptions options)
            throws EndpointException;

    /**
     * A new project with the configuration this one was opened with (the files are not read again, references
     * are not resolved again) and a runtime that starts anew. A server that shut down this project's runtime for
     * a reload falls back on it when the new configuration cannot start.
     *
     * @since 1.2
     */
    Project reopen();

    /**
     * The active profile's audit log, for reading; the server writes to it through the calls it makes with
     * {@link CallOptions#auditCaller()} set.
     *
     * @since 1.5
     */
    AuditTrail auditTrail();

    /**
     * Counts a reload of the served project in its telemetry ({@code mxcp.reloads_total{status, profile}}): called by
     * the server on the project that serves once a reload ended, whether the new configuration took over or the
     * previous one kept serving. Nothing happens for a project no server runs or whose telemetry is off.
     *
     * @since 1.8
     */
    void reloadEnded(boolean succeeded);

    /**
     * Tells the project's telemetry that the server serves it now, which reports the server up ({@code mxcp.up}):
     * called once, when the server has started; a server that fails to start is never reported up. Nothing happens
     * for a project no server runs or whose telemetry is off.
     *
     * @since 1.12
     */
    default void serving() {
    }

    /**
     * The definition a call of the endpoint runs, or empty when there is none: spec 01 §1.5's execution lookup, the
     * first enabled file of the kind that defines it even when a later file defines it too (which discovery reports
     * as a duplicate), or a built-in SQL tool. By default the first loaded endpoint {@link #endpoints()} lists.
     *
     * @since 1.14
     */
    default Optional<EndpointDefinition> definition(EndpointKind kind, String identifier) {
        return endpoints().stream()
                .filter(e -> e.loaded() && e.kind() == kind && e.identifier().equals(identifier))
                .map(DiscoveredEndpoint::definition)
                .findFirst();
    }

    /**
     * Why {@link #definition} finds no such endpoint although a file of the project means to define it: that file
     * does not load ({@code Endpoint file tools/x.yml is invalid: <why>}, as a call of it fails). Empty when no file
     * names it; asked after {@link #definition}, which finds the file.
     *
     * @since 1.17
     */
    default Optional<String> invalidFileOf(EndpointKind kind, String identifier) {
        return Optional.empty();
    }

    /** Opens the executor sessions now (creating the DuckDB file when missing). */
    void initializeRuntime() throws ProjectException;

    @Override
    void close();
}
