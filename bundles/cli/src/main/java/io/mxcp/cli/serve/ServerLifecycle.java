package io.mxcp.cli.serve;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mxcp.core.api.Project;
import io.mxcp.mcp.api.RunningServer;

/**
 * Keeps a started server until it ends: on SIGINT/SIGTERM a shutdown hook closes it (letting calls in flight
 * finish) and then the project; when the server ends by itself (stdio input closed) the same happens here.
 */
public final class ServerLifecycle {

    private final RunningServer server;
    private final Project project;
    private final PrintStream notices;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;

    public ServerLifecycle(RunningServer server, Project project, PrintStream notices) {
        this.server = server;
        this.project = project;
        this.notices = notices;
        this.shutdownHook = new Thread(this::stop, "mxcp-serve-shutdown");
    }

    /** Blocks until the server stops (signal or end of input), then releases everything. */
    public void run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            server.awaitTermination();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running (or ran) and stops the server itself
            }
            stop();
        }
    }

    /** Closes the server, then the project; only the first call does anything. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            project.close();
            notices.println("👋 Server stopped");
            notices.flush();
        }
    }
}
