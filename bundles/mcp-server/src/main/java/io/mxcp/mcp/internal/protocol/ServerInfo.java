package io.mxcp.mcp.internal.protocol;

/** How the server names itself: the project name and the product version. */
public record ServerInfo(String name, String version) {
}
