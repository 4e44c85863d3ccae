package io.mxcp.cli.serve;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mxcp.cli.context.ServiceAccess;
import io.mxcp.kernel.api.ProcessSignalHandler.ProcessSignal;
import io.mxcp.mcp.api.RunningServer;

/**
 * Keeps a started server until it ends: on SIGTERM/SIGINT (forwarded by the kernel) it closes the server, which
 * lets calls in flight finish; when the server has ended, by a signal or by itself (stdio input closed), the
 * project served last is closed and {@link #run()} returns, so the command ends normally and the kernel stops the
 * framework. SIGHUP is not this class's business ({@link ProjectReloader}).
 */
public final class ServerLifecycle {

    private static final System.Logger LOG = System.getLogger(ServerLifecycle.class.getName());

    private final RunningServer server;
    private final ProjectReloader projects;
    private final PrintStream notices;
    private final ServiceAccess services;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public ServerLifecycle(RunningServer server, ProjectReloader projects, PrintStream notices,
            ServiceAccess services) {
        this.server = server;
        this.projects = projects;
        this.notices = notices;
        this.services = services;
    }

    /** Whether a stop signal came: the server drains its calls and ends (the admin socket's {@code /status}). */
    public boolean stopping() {
        return draining.get();
    }

    /** Blocks until the server stops (signal or end of input), then releases everything. */
    public void run() throws InterruptedException {
        try (ServiceAccess.Registration signals = services.onProcessSignal(this::onSignal)) {
            server.awaitTermination();
        } finally {
            stop();
        }
    }

    /** Starts the drain on its own thread: the kernel wants its handlers to return at once. */
    private boolean onSignal(ProcessSignal signal) {
        if (signal == ProcessSignal.HANGUP) {
            return false;
        }
        if (draining.compareAndSet(false, true)) {
            // said at once: the drain may take long, and the log should show the stop began
            LOG.log(System.Logger.Level.INFO, "{0} received: stopping the server ({1} call(s) running finish first)",
                    signal == ProcessSignal.INTERRUPT ? "SIGINT" : "SIGTERM", server.activeRequests());
            Thread.ofPlatform().daemon().name("mxcp-serve-drain").start(server::close);
        }
        return true;
    }

    /** Closes the server, then the project (after a reload under way); only the first call does anything. */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            projects.close();
            LOG.log(System.Logger.Level.INFO, "Server stopped");
            notices.println("👋 Server stopped");
            notices.flush();
        }
    }
}
