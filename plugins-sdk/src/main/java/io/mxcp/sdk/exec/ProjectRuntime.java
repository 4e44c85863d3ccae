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
}
