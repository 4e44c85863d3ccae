package io.mxcp.cli.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mxcp.cli.context.CommandFailure;
import io.mxcp.cli.output.Json;
import io.mxcp.cli.output.Terminal;
import io.mxcp.kernel.api.FileFailureText;

/**
 * Reports a failed command and gives its exit code. JSON mode: one error document on standard output
 * ({@code traceback} and {@code type} under {@code --debug}); human mode: {@code Error: <message>} on standard
 * error. Unexpected exceptions are followed by {@code Aborted!}, as in the original. When standard output carries a
 * protocol (MCP over stdio), all of it goes to standard error: a client would take any other line for a broken
 * message and hide the reason from its user.
 */
final class ErrorReporter {

    private final Terminal terminal;
    private final boolean json;
    private final boolean debug;
    private final PrintStream out;
    private final boolean stdoutIsProtocol;
    private final Path workingDirectory;

    ErrorReporter(Terminal terminal, boolean json, boolean debug, boolean stdoutIsProtocol, Path workingDirectory) {
        this.terminal = terminal;
        this.json = json;
        this.debug = debug;
        this.stdoutIsProtocol = stdoutIsProtocol;
        this.workingDirectory = workingDirectory;
        this.out = stdoutIsProtocol ? terminal.err() : terminal.out();
    }

    int report(Throwable failure) {
        String message = messageOf(failure);
        CommandFailure commandFailure = failure instanceof CommandFailure known ? known : null;
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", "error");
            document.put("error", message);
            if (debug) {
                document.put("traceback", stackTrace(failure));
                document.put("type", failure.getClass().getSimpleName());
            }
            out.println(Json.pretty(document));
        } else {
            if (commandFailure != null && commandFailure.kind() == CommandFailure.Kind.NO_PROJECT) {
                out.println();
                if (stdoutIsProtocol) {
                    // an MCP client started the server: where it did is what its configuration must change
                    out.println("mxcp serve was started in " + workingDirectory + ", outside any "
                            + "project: set the folder of the project in the MCP client's configuration (\"cwd\", or "
                            + "cd in a shell command)");
                } else {
                    out.println(terminal.failure("❌ Error: ") + message);
                }
            }
            String prefix = commandFailure != null && commandFailure.kind() == CommandFailure.Kind.BAD_PARAMETER
                    ? "Invalid value: " : "";
            terminal.err().println(terminal.failure("Error: ") + prefix + message);
            if (debug) {
                terminal.err().println();
                terminal.err().println("Traceback:");
                terminal.err().print(stackTrace(failure));
            }
        }
        if (commandFailure == null) {
            terminal.err().println("Aborted!");
            return 1;
        }
        return commandFailure.exitCode();
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        // the JDK's message of a denied or missing file is its path alone, which a wrapper may have taken over
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException refused && refused.getReason() == null
                    && refused.getMessage() != null && message.endsWith(refused.getMessage())) {
                Optional<String> reason = FileFailureText.reason(refused);
                if (reason.isPresent()) {
                    return message.equals(refused.getMessage()) ? reason.get() + ": " + message
                            : message + ": " + reason.get();
                }
            }
        }
        return message;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
