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

    /** The active user profile's {@code plugin.config} map. */
    Map<String, Map<String, String>> pluginConfig();
}
