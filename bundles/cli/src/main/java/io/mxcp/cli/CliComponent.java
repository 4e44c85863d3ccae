package io.mxcp.cli;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.mxcp.cli.command.MxcpCli;
import io.mxcp.cli.context.BundleServiceAccess;
import io.mxcp.cli.context.CliContext;
import io.mxcp.kernel.api.CommandLineHandler;
import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.api.KernelEnvironment;

/**
 * The {@code mxcp} command line as the kernel's {@link CommandLineHandler}. The core and MCP server services are
 * looked up only by the commands that need them.
 */
@Component(service = CommandLineHandler.class)
public final class CliComponent implements CommandLineHandler {

    private final BundleContext bundleContext;
    private final KernelEnvironment kernel;

    @Activate
    public CliComponent(BundleContext bundleContext, @Reference KernelEnvironment kernel) {
        this.bundleContext = bundleContext;
        this.kernel = kernel;
    }

    @Override
    public int run(List<String> arguments, CommandStreams streams) {
        Path workingDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        try (BundleServiceAccess services = new BundleServiceAccess(bundleContext)) {
            CliContext context = new CliContext(streams, System.getenv(), workingDirectory, services, kernel);
            return MxcpCli.run(arguments, context);
        }
    }
}
