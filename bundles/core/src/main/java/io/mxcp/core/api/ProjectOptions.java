package io.mxcp.core.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to open a project.
 *
 * @param workingDirectory where the root search starts
 * @param profile          the CLI's {@code --profile}, or null (then {@code MXCP_PROFILE}, then the site's)
 * @param readOnly         the CLI's {@code --readonly}
 * @param environment      the environment variables to use ({@code MXCP_*}, {@code ${VAR}} references)
 * @param sqlTools         the CLI's {@code --sql-tools true|false}, or null to follow the site's
 *                         {@code sql_tools.enabled}; when on, {@link Project#endpoints()} includes the built-in
 *                         SQL tools (spec 01 §4.6)
 * @param server           the server the project is opened for, or null; only a served project starts telemetry
 *                         (since 1.6)
 */
public record ProjectOptions(Path workingDirectory, String profile, boolean readOnly, Map<String, String> environment,
        Boolean sqlTools, ServerInfo server) {

    /** Options of a project no server runs. */
    public ProjectOptions(Path workingDirectory, String profile, boolean readOnly, Map<String, String> environment,
            Boolean sqlTools) {
        this(workingDirectory, profile, readOnly, environment, sqlTools, null);
    }

    /** Options that follow the site's {@code sql_tools.enabled}. */
    public ProjectOptions(Path workingDirectory, String profile, boolean readOnly, Map<String, String> environment) {
        this(workingDirectory, profile, readOnly, environment, null);
    }

    /**
     * The same options with the built-in SQL tools switched on or off ({@code serve --sql-tools}); null
     * follows the site config.
     *
     * @since 1.1
     */
    public ProjectOptions withSqlTools(Boolean enabled) {
        return new ProjectOptions(workingDirectory, profile, readOnly, environment, enabled, server);
    }

    /**
     * The same options for a project a server runs: its profile's telemetry starts with it.
     *
     * @since 1.6
     */
    public ProjectOptions withServer(ServerInfo serving) {
        return new ProjectOptions(workingDirectory, profile, readOnly, environment, sqlTools, serving);
    }
}
