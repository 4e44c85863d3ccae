package io.mxcp.cli.context;

import java.util.List;
import java.util.Map;

import io.mxcp.core.api.Project;

/** Reads the active profile's part of the user config: {@code projects.<project>.profiles.<profile>.…}. */
public final class ProfileSettings {

    private ProfileSettings() {
    }

    /** The value at that path under the active profile, or null when any step is missing. */
    public static Object value(Project project, String... path) {
        Object value = project.userConfig();
        for (String key : List.of("projects", project.name(), "profiles", project.profile())) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        for (String key : path) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }
}
