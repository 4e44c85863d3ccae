package io.mxcp.sdk.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The project an executor session serves, with its settings resolved for the active profile.
 */
@ProviderType
public interface ProjectRuntime {

    Path root();

    String projectName();

    String profile();

    /** The DuckDB database file (absolute). */
    Path duckdbPath();

    boolean readOnly();

    /** DuckDB extensions to install and load, each {@code {name, repo?}}. */
    List<Map<String, String>> extensions();

    /** The active user profile's secrets, each {@code {name, type, parameters}}. */
    List<Map<String, Object>> secrets();

    /** The folder of the project's Python modules: the site's {@code paths.python}, resolved against the root. */
    default Path pythonPath() {
        return root().resolve("python");
    }

    /**
     * The folder of the project's Python plugins: the site's {@code paths.plugins}, resolved against the working
     * directory as the original does (spec 01 quirk A4).
     */
    default Path pluginsPath() {
        return root().resolve("plugins");
    }

    /** The active user profile's {@code plugin.config} map. */
    Map<String, Map<String, String>> pluginConfig();

    /**
     * The site file's map as written when the project was loaded, without defaults (read-only): what Python's
     * {@code site_config} shows (spec 01 §5.7). A session restarted after a failed reload reads the file as it was,
     * not as it is now. Null from a core that does not say; an executor then reads the file.
     *
     * @since 1.8
     */
    default Map<String, Object> siteFile() {
        return null;
    }

    /**
     * The active profile's settings derived at load time where the site file leaves them out, by their dotted key
     * under the profile: {@code duckdb.path}, {@code drift.path}, {@code audit.path}.
     *
     * @since 1.8
     */
    default Map<String, String> derivedProfileSettings() {
        return Map.of("duckdb.path", duckdbPath().toString());
    }

    /**
     * Whether a server runs the project: its calls come for a while, so an executor prepares ahead of the first
     * one what takes long to start (Python's interpreter). A one-shot command ({@code mxcp query}, {@code test})
     * answers false and pays such costs only when it runs that code. True from a core that does not say.
     *
     * @since 1.10
     */
    default boolean served() {
        return true;
    }
}
