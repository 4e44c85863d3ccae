package io.mxcp.cli.command;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.mxcp.cli.context.CliContext;
import io.mxcp.cli.logging.UserLogging;
import io.mxcp.cli.output.Terminal;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What every sub-command shares: {@code --debug}, and turning failures into reports and exit codes. */
abstract class MxcpSubcommand implements Callable<Integer> {

    @Option(names = "--debug", arity = "0", description = "Show debug logs, and the stack trace of an error.")
    boolean debugOption;

    final CliContext context;
    final Terminal terminal;
    /** The user config's logging, once a project is open; null before. */
    private UserLogging userLogging;

    MxcpSubcommand(CliContext context) {
        this.context = context;
        this.terminal = context.terminal();
    }

    @Override
    public final Integer call() {
        boolean debug = debug();
        if (debug) {
            Logger.getLogger("").setLevel(Level.FINE);
        }
        try {
            return execute();
        } catch (ParameterException usage) {
            // a usage error found by the command itself: printed as any usage error (UsageErrors), exit 2
            throw usage;
        } catch (Exception | LinkageError failure) {
            if (userLogging != null) {
                userLogging.toFileOnly(Level.SEVERE, getClass().getName(), "Command failed: "
                        + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
            }
            return new ErrorReporter(terminal, jsonOutput(), debug, stdoutIsProtocol(), context.workingDirectory())
                    .report(failure);
        } finally {
            if (userLogging != null) {
                userLogging.close();
            }
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    /** Applies the user config's {@code logging} block until the command ends; once, for the first project opened. */
    void applyUserLogging(Map<String, Object> userConfig) {
        if (userLogging == null) {
            userLogging = UserLogging.apply(userConfig.get("logging"), debug(), context.workingDirectory(),
                    terminal.err());
        }
    }

    /** Opens the user config's log file anew, if the command has one (a server's SIGHUP: an outside rotation). */
    void reopenLogFile() {
        if (userLogging != null) {
            userLogging.reopen();
        }
    }

    /** Runs the command; failures are reported by {@link #call()}. */
    abstract int execute() throws Exception;

    /** Whether standard output carries one JSON document. */
    boolean jsonOutput() {
        return false;
    }

    /** Whether standard output belongs to a protocol (MCP over stdio): nothing else may be written there. */
    boolean stdoutIsProtocol() {
        return false;
    }

    boolean debug() {
        return debugOption || context.flag("MXCP_DEBUG");
    }
}
