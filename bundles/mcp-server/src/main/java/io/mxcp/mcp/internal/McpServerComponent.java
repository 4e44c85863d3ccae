package io.mxcp.mcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.mxcp.core.api.Project;
import io.mxcp.kernel.api.KernelEnvironment;
import io.mxcp.mcp.api.HttpServerOptions;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.mcp.api.RunningServer;

/**
 * The MCP server service. Activation only records the product version: no HTTP, JSON or protocol class is
 * loaded until a server is started, so commands other than {@code serve} do not pay for them.
 */
@Component(service = McpServerService.class)
public final class McpServerComponent implements McpServerService {
    private final McpServerFactory factory;

    @Activate
    public McpServerComponent(@Reference KernelEnvironment environment) {
        this.factory = new McpServerFactory(environment.version());
    }

    @Override
    public RunningServer startHttp(Project project, HttpServerOptions options) throws IOException {
        return factory.startHttp(project, options);
    }

    @Override
    public RunningServer startStdio(Project project, InputStream in, OutputStream out) throws IOException {
        return factory.startStdio(project, in, out);
    }
}
