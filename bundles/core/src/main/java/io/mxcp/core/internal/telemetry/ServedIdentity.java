package io.mxcp.core.internal.telemetry;

/**
 * What telemetry says about the server it measures.
 *
 * @param project   the site's project name
 * @param profile   the active profile
 * @param version   the MXCP version serving
 * @param transport {@code streamable-http}, {@code sse} or {@code stdio}
 */
public record ServedIdentity(String project, String profile, String version, String transport) {
}
