package io.mxcp.kernel.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mxcp.kernel.api.CommandStreams;
import io.mxcp.kernel.logging.KernelLogging;

/**
 * Runs one command: starts the kernel, hands over the command line, stops the kernel, and owns the process's end.
 * SIGTERM, SIGINT and SIGHUP reach the command through {@link SignalDispatcher}: a server drains on SIGTERM/SIGINT
 * and its command returns, so the framework stops normally and the process exits with the command's code (a
 * drained server has succeeded: exit 0, as the original). A command that does not react is stopped by the kernel
 * (exit 128 + the signal's number).
 */
public final class KernelLauncher {

    /**
     * How long a stop may take after the first SIGTERM/SIGINT: the server's drain (5 s), closing the project and
     * the Python runtime, the framework's stop (up to 10 s), closing the databases.
     */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final PrintStream stdout;
    private final PrintStream stderr;
    /** What the command writes, silenced when a signal stops the kernel under it. */
    private final CommandOutput commandOut;
    private final CommandOutput commandErr;
    /** The exit code once the kernel stopped the process for a signal; it wins over the command's. */
    private volatile Integer signalExitCode;

    public KernelLauncher(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.commandOut = CommandOutput.of(stdout);
        this.commandErr = CommandOutput.of(stderr);
    }

    public int run(List<String> arguments) throws IOException {
        boolean debug = arguments.contains("--debug");
        KernelLogging.install(stderr, debug);
        int exitCode = 1;
        try (Kernel kernel = new Kernel(KernelSettings.fromSystemProperties(), debug)) {
            SignalDispatcher signals = new SignalDispatcher(kernel::signalHandlers, new Control(kernel), STOP_LIMIT);
            kernel.start(PosixSignals.install(signals::dispatch), signals::handlerAdded);
            exitCode = CommandHandoff.run(kernel.bundleContext(), arguments, new CommandStreams(System.in,
                    commandOut, commandErr, Boolean.getBoolean("mxcp.interactive")));
        } catch (KernelException e) {
            if (signalExitCode == null) {
                report(arguments, e.getMessage());
            }
        } catch (RuntimeException | LinkageError e) {
            if (signalExitCode == null) {
                throw e;
            }
            // the kernel was stopped under the command's feet (a class of a bundle gone): the signal's exit code
            // says what happened
        }
        Integer signalled = signalExitCode;
        return signalled != null ? signalled : exitCode;
    }

    /**
     * A failure before any command ran. With {@code --json-output} standard output still carries one JSON document
     * (spec 02 §2), as the command's own failures do.
     */
    private void report(List<String> arguments, String message) {
        stderr.println("Error: " + message);
        if (arguments.contains("--json-output")) {
            Map<String, String> document = new LinkedHashMap<>();
            document.put("status", "error");
            document.put("error", message);
            try {
                stdout.println(new ObjectMapper().writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("two strings are always JSON", e);
            }
        }
    }

    /** Ends the process with the command's code once {@link #run} returned. */
    public void exit(int code) {
        PendingArchive.announceBeforeExit();
        stdout.flush();
        stderr.flush();
        System.exit(code);
    }

    /** Stops for a signal no command reacted to, or gives up on a stop that overran. */
    private final class Control implements SignalDispatcher.ProcessControl {

        private final Kernel kernel;

        Control(Kernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public void stop(int exitCode) {
            signalExitCode = exitCode;
            commandOut.silence();
            commandErr.silence();
            Thread.ofPlatform().name("mxcp-signal-stop").start(() -> {
                kernel.closeUnderCommand();
                exit(exitCode);
            });
        }

        @Override
        public void halt(int exitCode, String reason) {
            // logged, so that the log file a command writes says why the process ended there (both log handlers,
            // standard error's and the file's, flush each record, so it is out before the halt)
            System.getLogger(KernelLauncher.class.getName()).log(System.Logger.Level.ERROR, reason);
            stdout.flush();
            stderr.flush();
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
