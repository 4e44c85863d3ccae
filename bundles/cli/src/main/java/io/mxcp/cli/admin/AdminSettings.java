package io.mxcp.cli.admin;

import java.nio.file.Path;

import io.mxcp.cli.context.CliContext;

/**
 * Whether {@code mxcp serve} opens its admin socket, and where (spec 03 §4): on when {@code MXCP_ADMIN_ENABLED} is
 * 1, true or yes; the socket at {@code MXCP_ADMIN_SOCKET}, else {@value #DEFAULT_SOCKET}.
 *
 * @param enabled whether to open the socket
 * @param socket  the socket file's path
 */
public record AdminSettings(boolean enabled, Path socket) {

    static final String DEFAULT_SOCKET = "/run/mxcp/mxcp.sock";

    /** The settings the command's environment asks for; a relative socket path is taken from the working directory. */
    public static AdminSettings from(CliContext context) {
        String socket = context.variable("MXCP_ADMIN_SOCKET");
        return new AdminSettings(context.flag("MXCP_ADMIN_ENABLED"),
                context.workingDirectory().resolve(socket != null ? socket : DEFAULT_SOCKET));
    }
}
