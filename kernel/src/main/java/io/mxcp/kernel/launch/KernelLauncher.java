package io.mxcp.kernel.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.logging.KernelLogging;

/**
 * Runs one command: starts the kernel, hands over the command line, stops the kernel. On SIGINT/SIGTERM the
 * CLI's own hook stops the server; this class's hook then waits for the command to return and the framework to
 * stop, so bundles deactivate cleanly (audit flushed, databases closed), and exits with the command's code: a
 * server stopped by a signal after draining has succeeded (exit 0, as the original).
 */
public final class KernelLauncher {

    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitCode = 1;
    private volatile boolean exitRequested;

    public KernelLauncher(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public int run(List<String> arguments) throws IOException {
        boolean debug = arguments.contains("--debug");
        KernelLogging.install(stderr, debug);
        Runtime.getRuntime().addShutdownHook(new Thread(this::awaitStop, "mxcp-kernel-shutdown"));
        try (Kernel kernel = new Kernel(KernelSettings.fromSystemProperties(), debug)) {
            kernel.start();
            exitCode = CommandHandoff.run(kernel.bundleContext(), arguments,
                    new CommandStreams(System.in, stdout, stderr, Boolean.getBoolean("mxcp.interactive")));
        } catch (KernelException e) {
            stderr.println("Error: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
        return exitCode;
    }

    /** Ends the process with the command's code once {@link #run} returned. */
    public void exit(int code) {
        exitRequested = true;
        System.exit(code);
    }

    private void awaitStop() {
        if (exitRequested) {
            return; // a normal exit: let the JVM finish its own shutdown (delete-on-exit files, ...)
        }
        try {
            if (stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                stdout.flush();
                stderr.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
