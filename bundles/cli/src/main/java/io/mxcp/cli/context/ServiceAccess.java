package io.mxcp.cli.context;

import java.util.List;

import io.mxcp.core.api.ProjectService;
import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.sdk.model.ChatModelProvider;

/**
 * The other bundles' services, looked up only when a command needs them so that, for example, {@code list}
 * never activates the MCP server.
 */
public interface ServiceAccess {

    /** @throws CommandFailure when the core bundle is not installed */
    ProjectService projectService() throws CommandFailure;

    /** @throws CommandFailure when the MCP server bundle is not installed */
    McpServerService mcpServer() throws CommandFailure;

    /**
     * The model provider of a {@code models.models.<name>.type}.
     *
     * @throws CommandFailure {@code Unknown model type: <type>} when no installed bundle provides it
     */
    ChatModelProvider chatModelProvider(String type) throws CommandFailure;

    /** Every bundle installed now, in install order. */
    List<InstalledBundle> installedBundles();

    /** Passes the process signals the kernel catches to {@code handler} until the registration is closed. */
    Registration onProcessSignal(ProcessSignalHandler handler);

    /** Something registered for as long as a command needs it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
