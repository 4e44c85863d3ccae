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
 */
public record ProjectOptions(Path workingDirectory, String profile, boolean readOnly, Map<String, String> environment) {
}
