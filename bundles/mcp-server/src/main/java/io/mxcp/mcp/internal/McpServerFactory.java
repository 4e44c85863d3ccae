package io.mxcp.mcp.internal;

import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.RunningServer;
import io.mxcp.mcp.internal.http.HttpTransport;
import io.mxcp.mcp.internal.jsonrpc.JsonRpcCodec;
import io.mxcp.mcp.internal.protocol.McpEngine;
import io.mxcp.mcp.internal.protocol.ServerInfo;
import io.mxcp.mcp.internal.stdio.StdioServer;

/**
 * Builds a protocol engine for the project (catalogs computed once per start) and puts a transport in front of
 * it. The HTTP stack is touched only inside {@link #startHttp}.
 */
public final class McpServerFactory implements McpServerService {
    private final String version;

    public McpServerFactory(String version) {
        this.version = version;
    }

    @Override
    public RunningServer startHttp(Project project, HttpServerOptions options) throws java.io.IOException {
        JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
        return HttpTransport.start(engine(project, codec), codec, options);
    }

    @Override
    public RunningServer startStdio(Project project, InputStream in, OutputStream out) {
        JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
        return StdioServer.start(engine(project, codec), codec, in, out);
    }

    private McpEngine engine(Project project, JsonRpcCodec codec) {
        return new McpEngine(project, new ServerInfo(project.name(), version), codec.mapper());
    }
}
