package io.mxcp.mcp.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.mxcp.core.api.Project;

/** Serves a project's endpoints over MCP. Registered by the mcp-server bundle. */
public interface McpServerService {

    /** Starts streamable HTTP on {@code /mcp} (plus {@code /health}); returns once it listens. */
    RunningServer startHttp(Project project, HttpServerOptions options) throws IOException;

    /**
     * Fails now, with the message {@link #startHttp} would give, when another process listens on the options' port:
     * {@code serve} checks so before its long start-up (the project's runtime, validation). Since 1.5.
     */
    default void checkPort(HttpServerOptions options) throws IOException {
    }

    /**
     * Serves newline-delimited JSON-RPC on the given streams until input ends or {@code stop} is called
     * on the returned server from another thread. Only protocol messages are written to {@code out}.
     */
    RunningServer startStdio(Project project, InputStream in, OutputStream out) throws IOException;
}
