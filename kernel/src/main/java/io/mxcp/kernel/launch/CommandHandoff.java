package io.mxcp.kernel.launch;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.mxcp.kernel.api.CommandLineHandler;
import io.mxcp.kernel.api.CommandStreams;

/** Hands the command line to the CLI bundle's {@link CommandLineHandler} service once it is registered. */
final class CommandHandoff {

    private static final long WAIT_MILLIS = 20_000;

    private CommandHandoff() {
    }

    static int run(BundleContext context, List<String> arguments, CommandStreams streams) throws KernelException {
        ServiceTracker<CommandLineHandler, CommandLineHandler> tracker = new ServiceTracker<>(context,
                CommandLineHandler.class, null);
        tracker.open();
        try {
            CommandLineHandler handler = tracker.waitForService(WAIT_MILLIS);
            if (handler == null) {
                throw new KernelException("The mxcp-cli bundle did not start (no command line handler after "
                        + WAIT_MILLIS / 1000 + " s); run with --debug to see why");
            }
            return handler.run(arguments, streams);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("Interrupted while waiting for the command line handler", e);
        } finally {
            tracker.close();
        }
    }
}
