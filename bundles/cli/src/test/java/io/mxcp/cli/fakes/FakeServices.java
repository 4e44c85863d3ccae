package io.mxcp.cli.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.context.InstalledBundle;
import io.mxcp.cli.context.ServiceAccess;
import io.mxcp.core.api.Project;
import io.mxcp.core.api.ProjectException;
import io.mxcp.core.api.ProjectOptions;
import io.mxcp.core.api.ProjectService;
import io.mxcp.kernel.api.ProcessSignalHandler;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.mcp.api.McpServerService;
import io.mxcp.sdk.model.ChatModelProvider;

/** Services as a test installs them: a project service opening one fake project, and optionally an MCP server. */
public final class FakeServices implements ServiceAccess {

    public FakeProject project;
    public ProjectException openFailure;
    public McpServerService mcpServer;
    /** The model providers installed, by type. */
    public final Map<String, ChatModelProvider> modelProviders = new HashMap<>();
    public final List<ProjectOptions> openedWith = new ArrayList<>();
    /** The signal handlers registered now, as the kernel would find them. */
    public final List<ProcessSignalHandler> signalHandlers = new CopyOnWriteArrayList<>();

    public List<InstalledBundle> installedBundles = List.of();

    public FakeServices(FakeProject project) {
        this.project = project;
    }

    @Override
    public ProjectService projectService() throws CommandFailure {
        return this::open;
    }

    private Project open(ProjectOptions options) throws ProjectException {
        openedWith.add(options);
        if (openFailure != null) {
            throw openFailure;
        }
        return project;
    }

    @Override
    public List<InstalledBundle> installedBundles() {
        return installedBundles;
    }

    @Override
    public McpServerService mcpServer() throws CommandFailure {
        if (mcpServer == null) {
            throw CommandFailure.command("MCP server bundle is not installed");
        }
        return mcpServer;
    }

    @Override
    public ChatModelProvider chatModelProvider(String type) throws CommandFailure {
        ChatModelProvider provider = modelProviders.get(type);
        if (provider == null) {
            throw CommandFailure.command("Unknown model type: " + type);
        }
        return provider;
    }

    @Override
    public Registration onProcessSignal(ProcessSignalHandler handler) {
        signalHandlers.add(handler);
        return () -> signalHandlers.remove(handler);
    }

    /** What the kernel does when the process receives {@code signal}. */
    public void signal(ProcessSignal signal) {
        signalHandlers.forEach(handler -> handler.handle(signal));
    }
}
