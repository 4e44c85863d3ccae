package io.mxcp.cli.serve;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.mxcp.cli.context.ProfileSettings;
import io.mxcp.core.api.Project;

/**
 * The user config's blocks a running server reads once, when it starts: the profile's {@code auth} (provider,
 * required scopes, clients), {@code transport} (port, host, limits) and {@code logging} (level, log file). A reload
 * keeps serving with the old ones, so it says when they changed: an operator who tightened the required scopes must
 * not believe they apply.
 */
final class RestartOnlySettings {

    private static final System.Logger LOG = System.getLogger(RestartOnlySettings.class.getName());
    private static final Map<String, Function<Project, Object>> BLOCKS = Map.of(
            "auth", project -> ProfileSettings.value(project, "auth"),
            "transport", project -> project.userConfig().get("transport"),
            "logging", project -> project.userConfig().get("logging"));

    private RestartOnlySettings() {
    }

    static void warnOfChanges(Project before, Project after) {
        BLOCKS.forEach((block, read) -> {
            if (!Objects.equals(read.apply(before), read.apply(after))) {
                LOG.log(Level.WARNING, "The {0} settings changed; they apply when the server is restarted", block);
            }
        });
    }
}
