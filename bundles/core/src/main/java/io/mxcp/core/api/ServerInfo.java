package io.mxcp.core.api;

/**
 * The server a project is opened for ({@code mxcp serve}). Such a project starts the profile's telemetry (spec 03 §6),
 * which reports these values in its {@code mxcp.up} metric and resource.
 *
 * @param transport {@code streamable-http}, {@code sse} or {@code stdio} as the command line chose it, or null when it
 *                  did not (then the user config's {@code transport.provider}, else {@code streamable-http})
 * @param version   the MXCP version serving
 * @since 1.6
 */
public record ServerInfo(String transport, String version) {
}
